package dev.beanstalk.spring.listener;

import dev.beanstalk.client.Job;
import dev.beanstalk.spring.core.RetryHints;
import dev.beanstalk.spring.observation.BeanstalkJobContext;
import dev.beanstalk.spring.observation.BeanstalkListenerObservationConvention;
import dev.beanstalk.spring.observation.DefaultBeanstalkListenerObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Runs a listener inside a {@code beanstalk.listener} observation, so that with tracing its handler runs in the span
 * and its logs carry the trace id; a failure is the observation's error.
 */
final class ObservedJobListener implements JobListener {

    private final JobListener delegate;
    private final String listenerId;
    private final ObservationRegistry registry;
    private final @Nullable BeanstalkListenerObservationConvention convention;

    ObservedJobListener(JobListener delegate, String listenerId, ObservationRegistry registry,
            @Nullable BeanstalkListenerObservationConvention convention) {
        this.delegate = delegate;
        this.listenerId = listenerId;
        this.registry = registry;
        this.convention = convention;
    }

    @Override
    public void onJob(Job job, JobHandle handle) throws Exception {
        Observation.createNotStarted(convention, DefaultBeanstalkListenerObservationConvention.INSTANCE,
                        () -> new BeanstalkJobContext(listenerId, handle.tube(), job), registry)
                .observeChecked(() -> delegate.onJob(job, handle));
    }

    @Override
    public RetryHints retryHints(Job job) {
        return delegate.retryHints(job);
    }
}
