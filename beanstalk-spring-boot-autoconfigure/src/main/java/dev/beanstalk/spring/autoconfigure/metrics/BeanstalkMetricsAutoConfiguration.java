package dev.beanstalk.spring.autoconfigure.metrics;

import dev.beanstalk.spring.autoconfigure.BeanstalkAutoConfiguration;
import dev.beanstalk.spring.metrics.BeanstalkMetrics;
import dev.beanstalk.spring.metrics.MicrometerBeanstalkMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Micrometer meters for puts, handled jobs and reconnects, when the application has a {@link MeterRegistry}. */
@AutoConfiguration(before = BeanstalkAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class BeanstalkMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BeanstalkMetrics beanstalkMetrics(MeterRegistry registry) {
        return new MicrometerBeanstalkMetrics(registry);
    }
}
