package dev.beanstalk.spring.listener;

import dev.beanstalk.client.Job;
import dev.beanstalk.spring.core.JobConversionException;
import dev.beanstalk.spring.core.JobConverter;
import dev.beanstalk.spring.core.RetryHints;
import dev.beanstalk.spring.core.RoutingJobConverter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one of some handler methods on each job: the only one, or the one whose payload type the job names (through a
 * {@link RoutingJobConverter}). The job's retry hints apply unless the endpoint sets its own retry.
 */
final class HandlerMethodsJobListener implements JobListener {

    private final List<HandlerMethod> handlers;
    private final List<Class<?>> payloadTypes = new ArrayList<>();
    private final JobConverter converter;
    private final boolean retryHints;

    HandlerMethodsJobListener(List<HandlerMethod> handlers, JobConverter converter, boolean retryHints) {
        this.handlers = List.copyOf(handlers);
        this.converter = converter;
        this.retryHints = retryHints;
        if (this.handlers.size() > 1) {
            if (!(converter instanceof RoutingJobConverter)) {
                throw new IllegalStateException("A listener with several handlers " + this.handlers + " needs a"
                        + " converter whose jobs name their type (a RoutingJobConverter, such as the Laravel or"
                        + " Symfony Messenger one), not " + converter.getClass().getName());
            }
            for (HandlerMethod handler : this.handlers) {
                if (!(handler.payloadType() instanceof Class<?> type)) {
                    throw new IllegalStateException("Handler " + handler + " of a listener with several handlers"
                            + " needs a payload parameter of a class type, to be routed by it");
                }
                if (payloadTypes.contains(type)) {
                    throw new IllegalStateException("Two handlers of one listener take " + type.getName());
                }
                payloadTypes.add(type);
            }
        }
    }

    @Override
    public void onJob(Job job, JobHandle handle) throws Exception {
        if (handlers.size() == 1) {
            HandlerMethod handler = handlers.get(0);
            Object payload = handler.payloadType() == null ? null : converter.fromBody(job.body(),
                    handler.payloadType());
            handler.invoke(job, handle, payload);
            return;
        }
        Object payload = ((RoutingJobConverter) converter).fromBodyAsOneOf(job.body(), payloadTypes);
        for (int i = 0; i < payloadTypes.size(); i++) {
            if (payloadTypes.get(i).isInstance(payload)) {
                handlers.get(i).invoke(job, handle, payload);
                return;
            }
        }
        throw new JobConversionException("No handler takes a " + payload.getClass().getName());
    }

    @Override
    public RetryHints retryHints(Job job) {
        return retryHints ? converter.retryHints(job.body()) : RetryHints.NONE;
    }
}
