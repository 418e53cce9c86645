package dev.beanstalk.spring.autoconfigure.health;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.spring.autoconfigure.BeanstalkAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The beanstalkd health indicator, when Spring Boot's health support is present; off with {@code management.health.beanstalk.enabled=false}. */
@AutoConfiguration(after = BeanstalkAutoConfiguration.class)
@ConditionalOnClass({BeanstalkClient.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(BeanstalkClient.class)
@ConditionalOnEnabledHealthIndicator("beanstalk")
public final class BeanstalkHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "beanstalkHealthIndicator")
    BeanstalkHealthIndicator beanstalkHealthIndicator(BeanstalkClient client) {
        return new BeanstalkHealthIndicator(client);
    }
}
