package dev.beanstalk.test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs without beanstalk-embedded on the classpath, as a user's build may. */
class BeanstalkdServerTests {

    @Test
    void theEmbeddedServerWithoutItsDependencyNamesTheDependency() {
        assertThatIllegalStateException().isThrownBy(() -> BeanstalkdServer.builder().embedded().build())
                .withMessageContaining("add the test dependency dev.beanstalk:beanstalk-embedded");
    }

    @Test
    void providerOptionsNameTheBadValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BeanstalkdProvider.Options(70_000, 0, null, List.of()))
                .withMessage("port must be between 0 and 65535, was 70000");
        assertThatIllegalArgumentException().isThrownBy(() -> new BeanstalkdProvider.Options(0, -1, null, List.of()))
                .withMessage("maxJobSize must not be negative, was -1");
    }
}
