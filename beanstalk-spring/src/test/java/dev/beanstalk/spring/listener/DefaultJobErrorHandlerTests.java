package dev.beanstalk.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobState;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.spring.core.JobConversionException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.FixedBackOff;

class DefaultJobErrorHandlerTests {

    private static final RetryPolicy THREE = new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(3));

    private final DefaultJobErrorHandler handler = new DefaultJobErrorHandler();

    @Test
    void releasesWithTheRetryPolicysGrowingDelaysThenBuries() {
        ContainerProperties settings = ContainerProperties.DEFAULTS.withRetry(THREE.withMaxAttempts(4));

        assertThat(handler.handle(failed(1, new IllegalStateException(), settings)))
                .isEqualTo(FailureDecision.release(Duration.ofSeconds(1)));
        assertThat(handler.handle(failed(2, new IllegalStateException(), settings)))
                .isEqualTo(FailureDecision.release(Duration.ofSeconds(2)));
        assertThat(handler.handle(failed(3, new IllegalStateException(), settings)))
                .isEqualTo(FailureDecision.release(Duration.ofSeconds(3)));
        assertThat(handler.handle(failed(4, new IllegalStateException(), settings))).isEqualTo(FailureDecision.bury());
    }

    @Test
    void exhaustedJobsGoToTheDeadLetterTubeWhenThereIsOne() {
        ContainerProperties settings = ContainerProperties.DEFAULTS.withRetry(THREE).withDeadLetterTube("failed");

        assertThat(handler.handle(failed(3, new IllegalStateException(), settings)))
                .isEqualTo(FailureDecision.deadLetter("failed"));
    }

    @Test
    void aKickedJobPastItsLastAttemptIsNotRetried() {
        ContainerProperties settings = ContainerProperties.DEFAULTS.withRetry(THREE);

        assertThat(handler.handle(failed(7, new IllegalStateException(), settings))).isEqualTo(FailureDecision.bury());
    }

    @Test
    void noRetryForSkipsTheRetriesAlsoForACause() {
        ContainerProperties settings = ContainerProperties.DEFAULTS
                .withRetry(THREE.withNoRetryFor(Set.of(IllegalArgumentException.class)));
        Exception wrapped = new IllegalStateException(new RuntimeException(new NumberFormatException("x")));

        assertThat(handler.handle(failed(1, wrapped, settings))).isEqualTo(FailureDecision.bury());
        assertThat(handler.handle(failed(1, new IllegalStateException(), settings)))
                .isInstanceOf(FailureDecision.Release.class);
    }

    @Test
    void conversionFailuresAreNeverRetried() {
        ContainerProperties settings = ContainerProperties.DEFAULTS.withRetry(THREE).withDeadLetterTube("failed");

        assertThat(handler.handle(failed(1, new JobConversionException("bad", null), settings)))
                .isEqualTo(FailureDecision.deadLetter("failed"));
        assertThat(RetryPolicy.NO_RETRY.noRetryFor()).containsExactly(JobConversionException.class);
    }

    @Test
    void aBackOffOfItsOwnReplacesTheRetryPolicysDelays() {
        DefaultJobErrorHandler fixed = new DefaultJobErrorHandler(new FixedBackOff(5_000, 1));
        ContainerProperties settings = ContainerProperties.DEFAULTS.withRetry(THREE);

        assertThat(fixed.handle(failed(1, new IllegalStateException(), settings)))
                .isEqualTo(FailureDecision.release(Duration.ofSeconds(5)));
        assertThat(fixed.handle(failed(2, new IllegalStateException(), settings))).isEqualTo(FailureDecision.bury());
    }

    @Test
    void retryPolicyAsABackOffGivesOneDelayFewerThanItsAttempts() {
        var execution = THREE.toBackOff().start();

        assertThat(execution.nextBackOff()).isEqualTo(1_000);
        assertThat(execution.nextBackOff()).isEqualTo(2_000);
        assertThat(execution.nextBackOff()).isEqualTo(-1);
    }

    @Test
    void decisionsAndSettingsRejectBadValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> FailureDecision.deadLetter("-bad"));
        assertThatIllegalArgumentException().isThrownBy(() -> FailureDecision.release(Duration.ofSeconds(-1)))
                .withMessageContaining("must not be negative");
        assertThatIllegalArgumentException().isThrownBy(() -> ContainerProperties.DEFAULTS.withDeadLetterTube("a b"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContainerProperties.DEFAULTS.withIdleEventInterval(Duration.ZERO))
                .withMessageContaining("idleEventInterval must be positive");
    }

    private static FailedJob failed(long reserves, Exception exception, ContainerProperties settings) {
        JobStats stats = new JobStats(9, "orders", JobState.RESERVED, 1024, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(60), Duration.ofSeconds(59), 0, reserves, 0, reserves - 1, 0, 0);
        return new FailedJob("orders", new Job(9, new byte[0]), stats, exception, settings);
    }
}
