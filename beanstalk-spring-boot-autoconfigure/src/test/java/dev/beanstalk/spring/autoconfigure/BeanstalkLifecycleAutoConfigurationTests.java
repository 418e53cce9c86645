package dev.beanstalk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The listener registry's lifecycle phase, and the startup report of a shutdown timeout that does not fit. */
@ExtendWith(OutputCaptureExtension.class)
class BeanstalkLifecycleAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BeanstalkAutoConfiguration.class));

    @Test
    void registryStartsInTheDocumentedPhaseUnlessConfigured() {
        runner.run(context -> assertThat(context.getBean(BeanstalkListenerEndpointRegistry.class).getPhase())
                .isEqualTo(SmartLifecycle.DEFAULT_PHASE - 100));
        runner.withPropertyValues("beanstalk.listener.phase=42").run(context -> assertThat(
                context.getBean(BeanstalkListenerEndpointRegistry.class).getPhase()).isEqualTo(42));
    }

    @Test
    void backsOffForTheApplicationsRegistry() {
        runner.withUserConfiguration(OwnRegistry.class).withPropertyValues("beanstalk.listener.phase=42")
                .run(context -> assertThat(context.getBean(BeanstalkListenerEndpointRegistry.class).getPhase())
                        .isEqualTo(7));
    }

    @Test
    void reportsAShutdownTimeoutLongerThanThePhaseTimeout(CapturedOutput output) {
        runner.withPropertyValues("beanstalk.listener.shutdown-timeout=40s").run(context -> assertThat(output)
                .contains("beanstalk.listener.shutdown-timeout (PT40S)")
                .contains("spring.lifecycle.timeout-per-shutdown-phase (PT30S)"));
    }

    @Test
    void readsThePhaseTimeoutAndIsQuietWhenItFits(CapturedOutput output) {
        runner.withPropertyValues("beanstalk.listener.shutdown-timeout=40s",
                "spring.lifecycle.timeout-per-shutdown-phase=1m").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(output).doesNotContain("beanstalk.listener.shutdown-timeout");
                });
        runner.withPropertyValues("beanstalk.listener.shutdown-timeout=10s",
                "spring.lifecycle.timeout-per-shutdown-phase=10s").run(context -> assertThat(output)
                        .contains("beanstalk.listener.shutdown-timeout (PT10S)")
                        .contains("spring.lifecycle.timeout-per-shutdown-phase (PT10S)"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {

        @Bean
        BeanstalkListenerEndpointRegistry myRegistry() {
            BeanstalkListenerEndpointRegistry registry = new BeanstalkListenerEndpointRegistry();
            registry.setPhase(7);
            return registry;
        }
    }
}
