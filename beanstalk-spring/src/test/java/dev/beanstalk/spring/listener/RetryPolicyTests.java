package dev.beanstalk.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    @Test
    void delaysGrowByTheMultiplierUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), 3.0, Duration.ofSeconds(20));

        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(9));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delayAfter(1000)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void retriesWhileAttemptsAreBelowTheMaximum() {
        RetryPolicy policy = RetryPolicy.NO_RETRY.withMaxAttempts(3);

        assertThat(policy.shouldRetry(1)).isTrue();
        assertThat(policy.shouldRetry(2)).isTrue();
        assertThat(policy.shouldRetry(3)).isFalse();
        assertThat(RetryPolicy.NO_RETRY.shouldRetry(1)).isFalse();
    }

    @Test
    void rejectsNonsense() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.NO_RETRY.withMaxAttempts(0))
                .withMessageContaining("maxAttempts").withMessageContaining("0");
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.NO_RETRY.withMultiplier(0.5))
                .withMessageContaining("0.5");
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.NO_RETRY.withMultiplier(Double.NaN))
                .withMessageContaining("NaN");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RetryPolicy.NO_RETRY.withInitialDelay(Duration.ofSeconds(-1)))
                .withMessageContaining("-1");
    }
}
