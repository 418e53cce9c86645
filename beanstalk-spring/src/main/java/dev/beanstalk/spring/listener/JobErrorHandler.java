package dev.beanstalk.spring.listener;

/**
 * Decides what happens to a job whose handler threw: released with a delay, buried, moved to a dead-letter tube, or
 * deleted. The container carries the decision out, logs it and publishes its events.
 *
 * <p>{@link DefaultJobErrorHandler} is the default. A bean of this type replaces it for every container of the
 * auto-configured factory; {@code @BeanstalkListener(errorHandler = "beanName")} names one for a single listener.
 * Handlers run on the worker thread that ran the job, may be called from several workers at once, and must not
 * settle the job themselves.
 */
@FunctionalInterface
public interface JobErrorHandler {

    /** What to do with {@code failed}; throwing or returning null buries the job, with an ERROR log. */
    FailureDecision handle(FailedJob failed);
}
