package dev.beanstalk.spring.observation;

import io.micrometer.common.KeyValues;

/**
 * The observation {@code beanstalk.template}, named {@code put <tube>}: low-cardinality tags {@code tube} and
 * {@code outcome} ({@code success} or {@code failure}), high-cardinality tag {@code job.id} once the server took the
 * job.
 */
public class DefaultBeanstalkTemplateObservationConvention implements BeanstalkTemplateObservationConvention {

    /** The shared instance. */
    public static final DefaultBeanstalkTemplateObservationConvention INSTANCE =
            new DefaultBeanstalkTemplateObservationConvention();

    @Override
    public String getName() {
        return "beanstalk.template";
    }

    @Override
    public String getContextualName(BeanstalkPutContext context) {
        return "put " + context.getTube();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(BeanstalkPutContext context) {
        return KeyValues.of(ObservationKeys.TUBE, context.getTube(),
                ObservationKeys.OUTCOME, ObservationKeys.outcome(context));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(BeanstalkPutContext context) {
        return context.isPut() ? KeyValues.of(ObservationKeys.JOB_ID, Long.toUnsignedString(context.getJobId()))
                : KeyValues.empty();
    }
}
