package dev.beanstalk.spring.autoconfigure.actuate;

import dev.beanstalk.spring.autoconfigure.BeanstalkAutoConfiguration;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code beanstalk} Actuator endpoint, when Actuator is present and the endpoint is available (exposed). */
@AutoConfiguration(after = BeanstalkAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean(BeanstalkOperations.class)
@ConditionalOnAvailableEndpoint(BeanstalkEndpoint.class)
public final class BeanstalkEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BeanstalkEndpoint beanstalkEndpoint(BeanstalkOperations operations,
            ObjectProvider<BeanstalkListenerEndpointRegistry> registry) {
        return new BeanstalkEndpoint(operations, registry.getIfAvailable());
    }
}
