package dev.beanstalk.spring.observation;

import io.micrometer.common.KeyValues;

/**
 * The observation {@code beanstalk.listener}, named {@code handle <tube>}: low-cardinality tags {@code listener},
 * {@code tube} (the job's own) and {@code outcome} ({@code success} when the handler returned, {@code failure} when
 * it threw), high-cardinality tag {@code job.id}.
 */
public class DefaultBeanstalkListenerObservationConvention implements BeanstalkListenerObservationConvention {

    /** The shared instance. */
    public static final DefaultBeanstalkListenerObservationConvention INSTANCE =
            new DefaultBeanstalkListenerObservationConvention();

    @Override
    public String getName() {
        return "beanstalk.listener";
    }

    @Override
    public String getContextualName(BeanstalkJobContext context) {
        return "handle " + context.getTube();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(BeanstalkJobContext context) {
        return KeyValues.of(ObservationKeys.LISTENER, context.getListenerId(), ObservationKeys.TUBE, context.getTube(),
                ObservationKeys.OUTCOME, ObservationKeys.outcome(context));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(BeanstalkJobContext context) {
        return KeyValues.of(ObservationKeys.JOB_ID, context.getJob().idString());
    }
}
