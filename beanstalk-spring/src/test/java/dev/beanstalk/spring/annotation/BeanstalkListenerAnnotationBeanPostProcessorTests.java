package dev.beanstalk.spring.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.spring.core.JsonJobConverter;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import dev.beanstalk.spring.listener.ConcurrentBeanstalkListenerContainerFactory;
import dev.beanstalk.spring.core.JobConversionException;
import dev.beanstalk.spring.listener.ContainerProperties;
import dev.beanstalk.spring.listener.DefaultJobErrorHandler;
import dev.beanstalk.spring.listener.FailureDecision;
import dev.beanstalk.spring.listener.JobErrorHandler;
import dev.beanstalk.spring.listener.RetryPolicy;
import dev.beanstalk.spring.php.LaravelJobConverter;
import dev.beanstalk.spring.php.PhpClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

class BeanstalkListenerAnnotationBeanPostProcessorTests {

    @Test
    void registersAContainerPerAnnotatedMethodWithResolvedAttributes() {
        new ApplicationContextRunner().withUserConfiguration(Config.class)
                .withPropertyValues("app.tube=resolved", "app.workers=3").run(context -> {
                    BeanstalkListenerEndpointRegistry registry = context.getBean(BeanstalkListenerEndpointRegistry.class);
                    assertThat(registry.getListenerContainers()).hasSize(2);
                    BeanstalkListenerContainer custom = registry.getListenerContainer("custom");
                    assertThat(custom.getTubes()).containsExactly("resolved", "other");
                    assertThat(custom.isAutoStartup()).isFalse();
                    assertThat(custom.isRunning()).isFalse();
                    assertThat(custom.properties()).isEqualTo(new ContainerProperties(3, false,
                            Duration.ofSeconds(1), Duration.ofSeconds(10), false,
                            new RetryPolicy(4, Duration.ofMillis(1500), 3.0, Duration.ofMinutes(5)), false, 8));
                    BeanstalkListenerContainer plain = registry.getListenerContainer("handlers.plain");
                    assertThat(plain.getTubes()).containsExactly("plain");
                    assertThat(plain.properties()).isEqualTo(ContainerProperties.DEFAULTS.withAutoStartup(false));
                });
    }

    @Test
    void resolvesSpelAndTheFailureHandlingAttributes() {
        new ApplicationContextRunner().withUserConfiguration(Config.class, FailureConfig.class)
                .withPropertyValues("app.tube=resolved", "app.workers=2").run(context -> {
                    BeanstalkListenerContainer failing = context.getBean(BeanstalkListenerEndpointRegistry.class)
                            .getListenerContainer("failing");
                    assertThat(failing.getTubes()).containsExactly("spel-resolved", "a", "b");
                    assertThat(failing.properties().deadLetterTube()).isEqualTo("resolved.failed");
                    assertThat(failing.properties().retry().noRetryFor()).containsExactlyInAnyOrder(
                            IllegalArgumentException.class, JobConversionException.class);
                    assertThat(failing.getErrorHandler()).isSameAs(context.getBean("burying"));
                    assertThat(context.getBean(BeanstalkListenerEndpointRegistry.class)
                            .getListenerContainer("handlers.plain").getErrorHandler())
                            .isInstanceOf(DefaultJobErrorHandler.class);
                });
    }

    @Test
    void aClassListenerBecomesOneContainerForItsHandlers() {
        new ApplicationContextRunner().withUserConfiguration(Config.class, PhpConfig.class)
                .withPropertyValues("app.tube=t", "app.workers=1").run(context -> {
            BeanstalkListenerEndpointRegistry registry = context.getBean(BeanstalkListenerEndpointRegistry.class);
            assertThat(registry.getListenerContainers()).hasSize(3);
            assertThat(registry.getListenerContainer("phpJobs").getTubes()).containsExactly("php");
        });
    }

    @Test
    void aListenerNamingAMissingConverterFailsTheContext() {
        new ApplicationContextRunner().withUserConfiguration(Config.class, PhpJobs.class)
                .withPropertyValues("app.tube=t", "app.workers=1").run(context ->
                assertThat(context).hasFailed().getFailure().hasRootCauseMessage(
                        "No bean named 'laravel' available"));
    }

    @Test
    void readsDurations() {
        assertThat(BeanstalkListenerAnnotationBeanPostProcessor.duration("250")).isEqualTo(Duration.ofMillis(250));
        assertThat(BeanstalkListenerAnnotationBeanPostProcessor.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(BeanstalkListenerAnnotationBeanPostProcessor.duration("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(BeanstalkListenerAnnotationBeanPostProcessor.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BeanstalkListenerAnnotationBeanPostProcessor.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(BeanstalkListenerAnnotationBeanPostProcessor.duration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(BeanstalkListenerAnnotationBeanPostProcessor.duration("PT3S")).isEqualTo(Duration.ofSeconds(3));
    }

    static final class Handlers {

        @BeanstalkListener(id = "custom", tube = "${app.tube}", tubes = {"other", "${app.tube}"},
                concurrency = "${app.workers}", autoStartup = "false", autoTouch = "false", maxAttempts = "4",
                retryInitialDelay = "1500ms", retryMultiplier = "3", retryMaxDelay = "5m", prefetch = "8")
        void custom(String text) {
        }

        @BeanstalkListener(tube = "plain")
        void plain(String text) {
        }
    }

    static final class FailureHandlers {

        @BeanstalkListener(id = "failing", tube = "#{'spel-' + '${app.tube}'}", tubes = "#{{'a', 'b'}}",
                deadLetterTube = "${app.tube}.failed", noRetryFor = IllegalArgumentException.class,
                errorHandler = "burying")
        void failing(String text) {
        }
    }

    @PhpClass("App\\Jobs\\Welcome")
    record Welcome(long id) {
    }

    @PhpClass("App\\Jobs\\Goodbye")
    record Goodbye(long id) {
    }

    @BeanstalkListener(tube = "php", converter = "laravel")
    static final class PhpJobs {

        final List<Object> calls = new ArrayList<>();

        @BeanstalkHandler
        void welcome(Welcome welcome) {
            calls.add(welcome);
        }

        @BeanstalkHandler
        void goodbye(Goodbye goodbye) {
            calls.add(goodbye);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FailureConfig {

        @Bean
        FailureHandlers failureHandlers() {
            return new FailureHandlers();
        }

        @Bean
        JobErrorHandler burying() {
            return failed -> FailureDecision.bury();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PhpConfig {

        @Bean
        LaravelJobConverter laravel() {
            return new LaravelJobConverter(JsonMapper.builder().build());
        }

        @Bean
        PhpJobs phpJobs() {
            return new PhpJobs();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableBeanstalk
    static class Config {

        @Bean(destroyMethod = "close")
        BeanstalkClient client() {
            return BeanstalkClient.create("localhost", 1);
        }

        @Bean
        ConcurrentBeanstalkListenerContainerFactory beanstalkListenerContainerFactory(BeanstalkClient client) {
            ConcurrentBeanstalkListenerContainerFactory factory = new ConcurrentBeanstalkListenerContainerFactory(
                    client, new JsonJobConverter(JsonMapper.builder().build()));
            factory.setContainerProperties(ContainerProperties.DEFAULTS.withAutoStartup(false));
            return factory;
        }

        @Bean
        Handlers handlers() {
            return new Handlers();
        }
    }
}
