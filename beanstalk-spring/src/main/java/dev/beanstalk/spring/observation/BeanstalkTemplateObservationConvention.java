package dev.beanstalk.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code beanstalk.template} observation of each put; give the template (or, in Spring Boot, the
 * context) a bean of this type to replace {@link DefaultBeanstalkTemplateObservationConvention}.
 */
public interface BeanstalkTemplateObservationConvention extends ObservationConvention<BeanstalkPutContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof BeanstalkPutContext;
    }
}
