package dev.beanstalk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.spring.annotation.BeanstalkBootstrapConfiguration;
import dev.beanstalk.spring.annotation.BeanstalkListenerAnnotationBeanPostProcessor;
import dev.beanstalk.spring.annotation.EnableBeanstalk;
import dev.beanstalk.spring.autoconfigure.health.BeanstalkHealthContributorAutoConfiguration;
import dev.beanstalk.spring.autoconfigure.health.BeanstalkHealthIndicator;
import dev.beanstalk.spring.autoconfigure.metrics.BeanstalkMetricsAutoConfiguration;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.spring.core.JobConverter;
import dev.beanstalk.spring.core.JsonJobConverter;
import dev.beanstalk.spring.listener.BeanstalkListenerContainerFactory;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import dev.beanstalk.spring.listener.ConcurrentBeanstalkListenerContainerFactory;
import dev.beanstalk.spring.listener.ContainerProperties;
import dev.beanstalk.spring.listener.RetryPolicy;
import dev.beanstalk.spring.metrics.BeanstalkMetrics;
import dev.beanstalk.spring.metrics.MicrometerBeanstalkMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class BeanstalkAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BeanstalkAutoConfiguration.class));

    @Test
    void definesEveryBeanWithDefaults() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(BeanstalkConnectionDetails.class)
                    .hasSingleBean(BeanstalkClient.class)
                    .hasSingleBean(JobConverter.class)
                    .hasSingleBean(BeanstalkTemplate.class)
                    .hasSingleBean(ConcurrentBeanstalkListenerContainerFactory.class)
                    .hasSingleBean(BeanstalkListenerEndpointRegistry.class)
                    .hasSingleBean(BeanstalkListenerAnnotationBeanPostProcessor.class)
                    .doesNotHaveBean(BeanstalkMetrics.class);
            ConnectionOptions options = context.getBean(BeanstalkClient.class).options();
            assertThat(options.servers()).containsExactly(new ServerAddress("localhost", 11300));
            assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(options.maxJobSize()).isEqualTo(65_535);
            BeanstalkTemplate template = context.getBean(BeanstalkTemplate.class);
            assertThat(template.defaultTube()).isEqualTo("default");
            assertThat(template.defaultOptions()).isEqualTo(JobOptions.DEFAULT);
            assertThat(context.getBean(ConcurrentBeanstalkListenerContainerFactory.class).getContainerProperties())
                    .isEqualTo(ContainerProperties.DEFAULTS);
        });
    }

    @Test
    void bindsEveryProperty() {
        runner.withPropertyValues("beanstalk.host=queue.example", "beanstalk.port=11400",
                "beanstalk.connect-timeout=2s", "beanstalk.read-timeout=3s", "beanstalk.max-job-size=1000",
                "beanstalk.reconnect-delay=50ms", "beanstalk.max-reconnect-delay=2s", "beanstalk.pool-size=4",
                "beanstalk.template.tube=emails", "beanstalk.template.priority=10", "beanstalk.template.delay=5s",
                "beanstalk.template.ttr=2m", "beanstalk.listener.concurrency=3",
                "beanstalk.listener.auto-startup=false", "beanstalk.listener.reserve-timeout=2s",
                "beanstalk.listener.shutdown-timeout=20s", "beanstalk.listener.auto-touch=false",
                "beanstalk.listener.retry.max-attempts=5", "beanstalk.listener.retry.initial-delay=3s",
                "beanstalk.listener.retry.multiplier=3", "beanstalk.listener.retry.max-delay=1h",
                "beanstalk.listener.prefetch=1").run(context -> {
                    ConnectionOptions options = context.getBean(BeanstalkClient.class).options();
                    assertThat(options.servers()).containsExactly(new ServerAddress("queue.example", 11400));
                    assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(options.maxJobSize()).isEqualTo(1000);
                    assertThat(options.reconnectDelay()).isEqualTo(Duration.ofMillis(50));
                    assertThat(options.maxReconnectDelay()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(context.getBean(BeanstalkClient.class).toString()).contains("pool of 4");
                    BeanstalkTemplate template = context.getBean(BeanstalkTemplate.class);
                    assertThat(template.defaultTube()).isEqualTo("emails");
                    assertThat(template.defaultOptions())
                            .isEqualTo(new JobOptions(10, Duration.ofSeconds(5), Duration.ofMinutes(2)));
                    assertThat(context.getBean(ConcurrentBeanstalkListenerContainerFactory.class)
                            .getContainerProperties()).isEqualTo(new ContainerProperties(3, false,
                                    Duration.ofSeconds(2), Duration.ofSeconds(20), false,
                                    new RetryPolicy(5, Duration.ofSeconds(3), 3.0, Duration.ofHours(1)), false, 1));
                });
    }

    @Test
    void serversReplaceHostAndPort() {
        runner.withPropertyValues("beanstalk.host=ignored", "beanstalk.servers=one:11301,two:11302")
                .run(context -> assertThat(context.getBean(BeanstalkClient.class).options().servers())
                        .containsExactly(new ServerAddress("one", 11301), new ServerAddress("two", 11302)));
    }

    @Test
    void clientConnectsThroughUserConnectionDetails() {
        runner.withBean(BeanstalkConnectionDetails.class, () -> () -> List.of(ServerAddress.parse("elsewhere:1234")))
                .withPropertyValues("beanstalk.host=ignored").run(context -> {
                    assertThat(context).hasSingleBean(BeanstalkConnectionDetails.class);
                    assertThat(context.getBean(BeanstalkClient.class).options().servers())
                            .containsExactly(new ServerAddress("elsewhere", 1234));
                });
    }

    @Test
    void connectionOptionsCustomizersRunInOrder() {
        runner.withUserConfiguration(CustomizerConfiguration.class).run(context -> {
            assertThat(context.getBean(BeanstalkClient.class).options().readTimeout())
                    .isEqualTo(Duration.ofSeconds(2));
            assertThat(context.getBean("calls")).isEqualTo(List.of("first", "second", "factory"));
            assertThat(context.getBean(ConcurrentBeanstalkListenerContainerFactory.class).getContainerProperties()
                    .concurrency()).isEqualTo(7);
        });
    }

    @Test
    void clientBacksOff() {
        runner.withUserConfiguration(UserClientConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(BeanstalkClient.class);
            assertThat(context.getBean(BeanstalkClient.class).options().servers())
                    .containsExactly(new ServerAddress("mine", 1));
        });
    }

    @Test
    void converterBacksOff() {
        JobConverter mine = new JobConverter() {
            @Override
            public byte[] toBody(Object payload) {
                return new byte[0];
            }

            @Override
            public Object fromBody(byte[] body, Type type) {
                return null;
            }
        };
        runner.withBean(JobConverter.class, () -> mine).run(context -> {
            assertThat(context.getBean(JobConverter.class)).isSameAs(mine);
            assertThat(context.getBean(BeanstalkTemplate.class).converter()).isSameAs(mine);
        });
    }

    @Test
    void converterUsesTheApplicationsJsonMapper() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE").run(context -> {
                    JobConverter converter = context.getBean(JobConverter.class);
                    assertThat(converter).isInstanceOf(JsonJobConverter.class);
                    assertThat(new String(converter.toBody(new Named("Ada")))).isEqualTo("{\"first_name\":\"Ada\"}");
                });
    }

    @Test
    void converterWorksWithoutAJsonMapperBean() {
        runner.run(context -> assertThat(new String(context.getBean(JobConverter.class).toBody(new Named("Ada"))))
                .isEqualTo("{\"firstName\":\"Ada\"}"));
    }

    @Test
    void templateBacksOffForAnyOperations() {
        runner.withUserConfiguration(UserTemplateConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(BeanstalkOperations.class);
            assertThat(context.getBean(BeanstalkOperations.class).defaultTube()).isEqualTo("mine");
        });
    }

    @Test
    void containerFactoryBacksOffByName() {
        BeanstalkListenerContainerFactory mine = endpoint -> {
            throw new UnsupportedOperationException();
        };
        runner.withBean("beanstalkListenerContainerFactory", BeanstalkListenerContainerFactory.class, () -> mine)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ConcurrentBeanstalkListenerContainerFactory.class);
                    assertThat(context.getBean("beanstalkListenerContainerFactory")).isSameAs(mine);
                });
    }

    @Test
    void registryBacksOff() {
        runner.withUserConfiguration(UserRegistryConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(BeanstalkListenerEndpointRegistry.class);
            assertThat(context.getBean(BeanstalkListenerEndpointRegistry.class))
                    .isSameAs(context.getBean("myRegistry"));
        });
    }

    @Test
    void annotationProcessingBacksOffWhenTheApplicationEnablesIt() {
        runner.withUserConfiguration(EnabledByUserConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(BeanstalkListenerAnnotationBeanPostProcessor.class)
                    .hasSingleBean(BeanstalkListenerEndpointRegistry.class);
            assertThat(context).hasBean(BeanstalkBootstrapConfiguration.ANNOTATION_PROCESSOR_BEAN_NAME);
        });
    }

    @Test
    void virtualThreadsFollowSpringThreadsVirtualEnabledOnJdk21AndLater() {
        runner.withPropertyValues("spring.threads.virtual.enabled=true").run(context -> assertThat(context
                .getBean(ConcurrentBeanstalkListenerContainerFactory.class).getContainerProperties().virtualThreads())
                .isEqualTo(Runtime.version().feature() >= 21));
    }

    @Test
    void backsOffWithoutTheClient() {
        runner.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(BeanstalkClient.class))
                .run(context -> assertThat(context).doesNotHaveBean(BeanstalkTemplate.class));
    }

    @Test
    void metricsWhenAMeterRegistryExists() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BeanstalkMetricsAutoConfiguration.class,
                        BeanstalkAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).getBean(BeanstalkMetrics.class)
                        .isInstanceOf(MicrometerBeanstalkMetrics.class));
    }

    @Test
    void noMetricsWithoutAMeterRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BeanstalkMetricsAutoConfiguration.class,
                        BeanstalkAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(BeanstalkMetrics.class));
    }

    @Test
    void healthIndicatorUnlessDisabled() {
        ApplicationContextRunner health = runner.withConfiguration(
                AutoConfigurations.of(BeanstalkHealthContributorAutoConfiguration.class));
        health.run(context -> assertThat(context).hasSingleBean(BeanstalkHealthIndicator.class));
        health.withPropertyValues("management.health.beanstalk.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(BeanstalkHealthIndicator.class));
    }

    @Test
    void healthIsDownWhenTheServerCannotBeReached() {
        runner.withConfiguration(AutoConfigurations.of(BeanstalkHealthContributorAutoConfiguration.class))
                .withPropertyValues("beanstalk.port=1", "beanstalk.connect-timeout=500ms").run(context -> assertThat(
                        context.getBean(BeanstalkHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN));
    }

    record Named(String firstName) {
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {

        @Bean
        List<String> calls() {
            return new ArrayList<>();
        }

        @Bean
        @Order(2)
        BeanstalkConnectionOptionsCustomizer second(List<String> calls) {
            return builder -> {
                calls.add("second");
                builder.readTimeout(Duration.ofSeconds(2));
            };
        }

        @Bean
        @Order(1)
        BeanstalkConnectionOptionsCustomizer first(List<String> calls) {
            return builder -> {
                calls.add("first");
                builder.readTimeout(Duration.ofSeconds(1));
            };
        }

        @Bean
        BeanstalkListenerContainerFactoryCustomizer factoryCustomizer(List<String> calls) {
            return factory -> {
                calls.add("factory");
                factory.setContainerProperties(factory.getContainerProperties().withConcurrency(7));
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserClientConfiguration {

        @Bean(destroyMethod = "close")
        BeanstalkClient myClient() {
            return BeanstalkClient.create(ConnectionOptions.of("mine", 1));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserTemplateConfiguration {

        @Bean
        BeanstalkOperations myOperations(BeanstalkClient client, JobConverter converter) {
            return BeanstalkTemplate.builder(client, converter).defaultTube("mine").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRegistryConfiguration {

        @Bean
        BeanstalkListenerEndpointRegistry myRegistry() {
            return new BeanstalkListenerEndpointRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableBeanstalk
    static class EnabledByUserConfiguration {

        @Bean
        Map<String, String> unrelated() {
            return Map.of();
        }
    }
}
