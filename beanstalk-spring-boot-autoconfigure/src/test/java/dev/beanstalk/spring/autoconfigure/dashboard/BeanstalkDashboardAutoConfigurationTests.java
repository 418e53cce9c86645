package dev.beanstalk.spring.autoconfigure.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.dashboard.DashboardActionController;
import dev.beanstalk.dashboard.DashboardApiController;
import dev.beanstalk.dashboard.DashboardPageController;
import dev.beanstalk.dashboard.DashboardSettings;
import dev.beanstalk.dashboard.ListenerFailures;
import dev.beanstalk.dashboard.StatsSampler;
import dev.beanstalk.spring.autoconfigure.BeanstalkAutoConfiguration;
import dev.beanstalk.spring.autoconfigure.actuate.BeanstalkEndpoint;
import dev.beanstalk.spring.autoconfigure.actuate.BeanstalkEndpointAutoConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.web.SecurityFilterChain;

/** When the dashboard and the {@code beanstalk} endpoint are configured, and how. */
@ExtendWith(OutputCaptureExtension.class)
class BeanstalkDashboardAutoConfigurationTests {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BeanstalkAutoConfiguration.class,
                    BeanstalkDashboardAutoConfiguration.class, BeanstalkEndpointAutoConfiguration.class))
            .withPropertyValues("beanstalk.host=127.0.0.1", "beanstalk.port=1");

    @Test
    void isOffByDefault() {
        web.run(context -> assertThat(context).doesNotHaveBean(DashboardApiController.class)
                .doesNotHaveBean(StatsSampler.class));
    }

    @Test
    void servesAReadOnlyDashboardAtBeanstalkWhenEnabled(CapturedOutput output) {
        web.withPropertyValues("beanstalk.dashboard.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(DashboardPageController.class)
                    .hasSingleBean(DashboardApiController.class).hasSingleBean(DashboardActionController.class)
                    .hasSingleBean(ListenerFailures.class);
            assertThat(context.getBean(DashboardSettings.class)).isEqualTo(new DashboardSettings("/beanstalk", true));
            assertThat(context.getBean(StatsSampler.class).interval()).isEqualTo(Duration.ofSeconds(5));
        });
        assertThat(output).doesNotContain("UNPROTECTED");
    }

    @Test
    void takesItsPathReadOnlyAndSampleIntervalFromProperties() {
        web.withPropertyValues("beanstalk.dashboard.enabled=true", "beanstalk.dashboard.path=/ops/queue",
                "beanstalk.dashboard.read-only=false", "beanstalk.dashboard.sample-interval=2s").run(context -> {
                    assertThat(context.getBean(DashboardSettings.class))
                            .isEqualTo(new DashboardSettings("/ops/queue", false));
                    assertThat(context.getBean(StatsSampler.class).interval()).isEqualTo(Duration.ofSeconds(2));
                });
    }

    @Test
    void refusesAnInvalidPath() {
        web.withPropertyValues("beanstalk.dashboard.enabled=true", "beanstalk.dashboard.path=beanstalk/").run(
                context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("the dashboard path must start with /").hasMessageContaining("beanstalk/"));
    }

    @Test
    void warnsThatActionsAreUnprotectedWithoutSpringSecurity(CapturedOutput output) {
        web.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
                .withPropertyValues("beanstalk.dashboard.enabled=true", "beanstalk.dashboard.read-only=false")
                .run(context -> assertThat(context).hasSingleBean(DashboardActionController.class));
        assertThat(output).contains("The beanstalkd dashboard at /beanstalk serves its actions (clear tubes, delete "
                + "jobs, stop listeners) UNPROTECTED");
    }

    @Test
    void readOnlyNeedsNoWarningWithoutSpringSecurity(CapturedOutput output) {
        web.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
                .withPropertyValues("beanstalk.dashboard.enabled=true").run(context -> assertThat(context)
                        .hasSingleBean(DashboardApiController.class));
        assertThat(output).doesNotContain("UNPROTECTED");
    }

    @Test
    void needsAServletWebApplicationAndTheDashboardModule() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BeanstalkAutoConfiguration.class,
                BeanstalkDashboardAutoConfiguration.class)).withPropertyValues("beanstalk.dashboard.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(DashboardApiController.class));
        web.withClassLoader(new FilteredClassLoader(DashboardApiController.class))
                .withPropertyValues("beanstalk.dashboard.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(StatsSampler.class));
    }

    @Test
    void theEndpointFollowsActuatorsExposureRules() {
        web.run(context -> assertThat(context).doesNotHaveBean(BeanstalkEndpoint.class));
        web.withPropertyValues("management.endpoints.web.exposure.include=beanstalk")
                .run(context -> assertThat(context).hasSingleBean(BeanstalkEndpoint.class));
    }
}
