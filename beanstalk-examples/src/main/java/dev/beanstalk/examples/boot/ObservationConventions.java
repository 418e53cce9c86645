package dev.beanstalk.examples.boot;

import dev.beanstalk.spring.observation.BeanstalkJobContext;
import dev.beanstalk.spring.observation.BeanstalkListenerObservationConvention;
import dev.beanstalk.spring.observation.DefaultBeanstalkListenerObservationConvention;
import io.micrometer.common.KeyValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaces the listener observation's convention, adding a tag. */
@Configuration(proxyBeanMethods = false)
class ObservationConventions {

    // tag::convention[]
    @Bean
    BeanstalkListenerObservationConvention listenerObservationConvention() {
        return new DefaultBeanstalkListenerObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(BeanstalkJobContext context) {
                return super.getLowCardinalityKeyValues(context).and("team", "accounts");
            }
        };
    }
    // end::convention[]
}
