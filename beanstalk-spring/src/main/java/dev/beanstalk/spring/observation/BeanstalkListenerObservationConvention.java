package dev.beanstalk.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code beanstalk.listener} observation of each handled job; give the container factory (or, in
 * Spring Boot, the context) a bean of this type to replace {@link DefaultBeanstalkListenerObservationConvention}.
 */
public interface BeanstalkListenerObservationConvention extends ObservationConvention<BeanstalkJobContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof BeanstalkJobContext;
    }
}
