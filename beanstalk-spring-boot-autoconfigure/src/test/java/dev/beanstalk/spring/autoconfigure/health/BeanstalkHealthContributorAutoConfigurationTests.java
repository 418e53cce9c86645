package dev.beanstalk.spring.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.ServerAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One client is one indicator; several are a composite of one indicator each, named by bean name. */
class BeanstalkHealthContributorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BeanstalkHealthContributorAutoConfiguration.class));

    @Test
    void oneIndicatorForOneClient() {
        runner.withUserConfiguration(OneClient.class).run(context -> assertThat(
                context.getBean("beanstalkHealthContributor")).isInstanceOf(BeanstalkHealthIndicator.class));
    }

    @Test
    void aCompositeForSeveralClients() {
        runner.withUserConfiguration(TwoClients.class).run(context -> {
            HealthContributor contributor = context.getBean("beanstalkHealthContributor", HealthContributor.class);
            assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
            CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
            assertThat(composite.stream().map(child -> child.name())).containsExactlyInAnyOrder("orders", "mail");
            HealthIndicator orders = (HealthIndicator) composite.getContributor("orders");
            assertThat(orders.health().getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void backsOffForTheApplicationsIndicator() {
        runner.withUserConfiguration(OneClient.class, OwnIndicator.class).run(context -> assertThat(
                context.getBean("beanstalkHealthIndicator")).isNotInstanceOf(BeanstalkHealthIndicator.class)
                .isInstanceOf(HealthIndicator.class));
    }

    private static BeanstalkClient unreachable() {
        return BeanstalkClient.builder().options(ConnectionOptions.builder()
                .servers(List.of(new ServerAddress("127.0.0.1", 1)))
                .connectTimeout(Duration.ofMillis(500))
                .build()).build();
    }

    @Configuration(proxyBeanMethods = false)
    static class OneClient {

        @Bean(destroyMethod = "close")
        BeanstalkClient client() {
            return unreachable();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoClients {

        @Bean(destroyMethod = "close")
        BeanstalkClient orders() {
            return unreachable();
        }

        @Bean(destroyMethod = "close")
        BeanstalkClient mail() {
            return unreachable();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnIndicator {

        @Bean
        HealthIndicator beanstalkHealthIndicator() {
            return () -> org.springframework.boot.health.contributor.Health.up().build();
        }
    }
}
