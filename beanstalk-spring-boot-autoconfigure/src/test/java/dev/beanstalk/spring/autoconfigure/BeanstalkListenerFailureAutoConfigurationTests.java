package dev.beanstalk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import dev.beanstalk.spring.core.JobConversionException;
import dev.beanstalk.spring.listener.ConcurrentBeanstalkListenerContainerFactory;
import dev.beanstalk.spring.listener.ContainerProperties;
import dev.beanstalk.spring.listener.DefaultJobErrorHandler;
import dev.beanstalk.spring.listener.FailureDecision;
import dev.beanstalk.spring.listener.JobErrorHandler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class BeanstalkListenerFailureAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BeanstalkAutoConfiguration.class));

    @Test
    void failureHandlingPropertiesReachTheContainerProperties() {
        runner.withPropertyValues("beanstalk.listener.dead-letter-tube=failed",
                "beanstalk.listener.idle-event-interval=30s",
                "beanstalk.listener.retry.no-retry-for=java.lang.IllegalArgumentException,java.util.concurrent.TimeoutException")
                .run(context -> {
                    ContainerProperties properties = context.getBean(ConcurrentBeanstalkListenerContainerFactory.class)
                            .getContainerProperties();
                    assertThat(properties.deadLetterTube()).isEqualTo("failed");
                    assertThat(properties.idleEventInterval()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.retry().noRetryFor()).containsExactlyInAnyOrder(
                            IllegalArgumentException.class, TimeoutException.class, JobConversionException.class);
                });
    }

    @Test
    void withoutPropertiesJobsAreBuriedAndNoIdleEventsPublished() {
        runner.run(context -> {
            ConcurrentBeanstalkListenerContainerFactory factory =
                    context.getBean(ConcurrentBeanstalkListenerContainerFactory.class);
            assertThat(factory.getContainerProperties().deadLetterTube()).isNull();
            assertThat(factory.getContainerProperties().idleEventInterval()).isNull();
            assertThat(factory.getErrorHandler()).isInstanceOf(DefaultJobErrorHandler.class);
        });
    }

    @Test
    void anErrorHandlerBeanReplacesTheDefault() {
        runner.withUserConfiguration(OneErrorHandler.class).run(context ->
                assertThat(context.getBean(ConcurrentBeanstalkListenerContainerFactory.class).getErrorHandler())
                        .isSameAs(context.getBean(JobErrorHandler.class)));
    }

    @Test
    void severalErrorHandlerBeansLeaveTheDefaultForListenersToNameOne() {
        runner.withUserConfiguration(OneErrorHandler.class, AnotherErrorHandler.class).run(context ->
                assertThat(context.getBean(ConcurrentBeanstalkListenerContainerFactory.class).getErrorHandler())
                        .isInstanceOf(DefaultJobErrorHandler.class));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "beanstalk.listener.concurrency|-1|must be at least 1",
            "beanstalk.listener.prefetch|0|must be at least 1",
            "beanstalk.listener.reserve-timeout|PT0S|must be a positive duration",
            "beanstalk.listener.retry.max-attempts|0|must be at least 1",
            "beanstalk.listener.retry.multiplier|0.5|must be a finite number of at least 1",
            "beanstalk.listener.dead-letter-tube|-dead|tube",
            "beanstalk.template.tube|bad tube!|tube",
            "beanstalk.template.priority|-5|must be between 0 and 4294967295",
            "beanstalk.port|70000|must be between 1 and 65535",
            "beanstalk.pool-size|0|must be at least 1"})
    void anInvalidValueFailsStartupWithBootsReport(String property, String value, String rule,
            CapturedOutput output) {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of(property, value, "spring.main.banner-mode", "off",
                "beanstalk.embedded.enabled", "false"));

        assertThatException().isThrownBy(application::run);

        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
                "Property: " + property, "Value: \"" + value + "\"", "Reason: ").containsPattern(
                "Reason: [^\\n]*" + Pattern.quote(rule));
    }

    @Configuration(proxyBeanMethods = false)
    static class OneErrorHandler {

        @Bean
        JobErrorHandler oneErrorHandler() {
            return failed -> FailureDecision.bury();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AnotherErrorHandler {

        @Bean
        JobErrorHandler anotherErrorHandler() {
            return failed -> FailureDecision.delete();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
