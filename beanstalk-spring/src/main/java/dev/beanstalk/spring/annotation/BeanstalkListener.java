package dev.beanstalk.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a bean method the handler of the jobs of a tube: each job runs the method once, and is deleted when it
 * returns, released or buried when it throws. On a class, its {@link BeanstalkHandler} methods share one listener,
 * each job going to the method whose payload type it names (see {@link #converter()}).
 *
 * <p>Parameters may be the payload (a record or POJO read from JSON, a {@code String} or a {@code byte[]}), the raw
 * {@link dev.beanstalk.client.Job}, and a {@link dev.beanstalk.spring.listener.JobHandle} to settle the job by hand. A
 * payload that cannot be read as the declared type is never retried: it goes to the dead-letter tube, or is buried.
 * String attributes take property placeholders such as {@code ${app.tube}} and SpEL expressions such as
 * {@code #{@tubes.orders()}}; those left empty come from the container factory's properties
 * ({@code beanstalk.listener.*}).
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BeanstalkListener {

    /** The tube to watch; {@link #tubes()} watches several. */
    String tube() default "";

    /** The tubes to watch, for a listener of several. */
    String[] tubes() default {};

    /** The container id, unique in the application; the bean name and method name when empty. */
    String id() default "";

    /** The bean name of the {@link dev.beanstalk.spring.listener.BeanstalkListenerContainerFactory} to use. */
    String containerFactory() default "";

    /** How many workers run this method at once per server of the fleet, each with its own connection. */
    String concurrency() default "";

    /** How many ready jobs a worker reserves at once; above 1 their TTR runs while they wait in the worker. */
    String prefetch() default "";

    /** Whether the container starts with the application context ({@code "true"} or {@code "false"}). */
    String autoStartup() default "";

    /** How many times a job may be reserved before a failure buries it; 1 buries on the first failure. */
    String maxAttempts() default "";

    /** The release delay after the first failure, such as {@code "5s"}. */
    String retryInitialDelay() default "";

    /** The factor applied to the release delay after each further failure. */
    String retryMultiplier() default "";

    /** The longest release delay, such as {@code "10m"}. */
    String retryMaxDelay() default "";

    /**
     * The bean name of the {@link dev.beanstalk.spring.core.JobConverter} that reads this listener's payloads
     * instead of the container factory's, such as a {@link dev.beanstalk.spring.php.LaravelJobConverter} for the jobs
     * of a Laravel app; a job's retry hints (a Laravel job's {@code maxTries} and {@code backoff}) apply unless this
     * listener sets {@link #maxAttempts()} or a retry delay.
     */
    String converter() default "";

    /** Whether a handler running long is touched before its job's TTR runs out ({@code "true"} or {@code "false"}). */
    String autoTouch() default "";

    /**
     * The tube a job goes to, body unchanged, when its attempts are exhausted or it is never retried; unset, such a
     * job is buried.
     */
    String deadLetterTube() default "";

    /**
     * Exceptions never retried, also when they are the cause of the one thrown; with the factory's
     * ({@code beanstalk.listener.retry.no-retry-for}) and {@link dev.beanstalk.spring.core.JobConversionException}.
     */
    Class<? extends Throwable>[] noRetryFor() default {};

    /**
     * The bean name of the {@link dev.beanstalk.spring.listener.JobErrorHandler} of this listener, in place of the
     * factory's.
     */
    String errorHandler() default "";
}
