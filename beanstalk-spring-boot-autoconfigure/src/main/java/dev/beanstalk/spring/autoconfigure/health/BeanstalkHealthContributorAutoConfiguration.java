package dev.beanstalk.spring.autoconfigure.health;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.spring.autoconfigure.BeanstalkAutoConfiguration;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code beanstalk} health contributor, when Spring Boot's health support is present: a
 * {@link BeanstalkHealthIndicator} for the one {@link BeanstalkClient}, or a composite of one per client bean, named
 * by bean name, when the application has several; off with {@code management.health.beanstalk.enabled=false}.
 */
@AutoConfiguration(after = BeanstalkAutoConfiguration.class)
@ConditionalOnClass({BeanstalkClient.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(BeanstalkClient.class)
@ConditionalOnEnabledHealthIndicator("beanstalk")
public final class BeanstalkHealthContributorAutoConfiguration
        extends CompositeHealthContributorConfiguration<BeanstalkHealthIndicator, BeanstalkClient> {

    BeanstalkHealthContributorAutoConfiguration() {
        super(BeanstalkHealthIndicator::new);
    }

    @Bean
    @ConditionalOnMissingBean(name = {"beanstalkHealthIndicator", "beanstalkHealthContributor"})
    HealthContributor beanstalkHealthContributor(ConfigurableListableBeanFactory beanFactory) {
        return createContributor(beanFactory, BeanstalkClient.class);
    }
}
