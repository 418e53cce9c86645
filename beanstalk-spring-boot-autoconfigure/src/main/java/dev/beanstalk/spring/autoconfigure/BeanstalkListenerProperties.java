package dev.beanstalk.spring.autoconfigure;

import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import dev.beanstalk.spring.listener.ContainerProperties;
import dev.beanstalk.spring.listener.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Defaults of {@code @BeanstalkListener} containers, {@code beanstalk.listener.*}; each annotation may override
 * them.
 */
public class BeanstalkListenerProperties {

    /** Number of workers per listener and server of beanstalk.servers, each with its own connection. */
    private int concurrency = 1;

    /** Whether listener containers start with the application context. */
    private boolean autoStartup = true;

    /** How long a worker's reserve waits for a job before it checks for a stop or a pause (whole seconds). */
    private Duration reserveTimeout = Duration.ofSeconds(1);

    /**
     * How long a stop waits for running handlers before it releases their jobs; with the half second it then
     * gives them, it should fit in spring.lifecycle.timeout-per-shutdown-phase (a startup warning says when not).
     */
    private Duration shutdownTimeout = Duration.ofSeconds(10);

    /**
     * Lifecycle phase of the listener containers: they start after, and stop before, beans of lower phases
     * such as the web server.
     */
    private int phase = BeanstalkListenerEndpointRegistry.PHASE;

    /** Whether handlers that run long are touched before their job's TTR runs out. */
    private boolean autoTouch = true;

    /**
     * Ready jobs a worker reserves at once and runs one after the other; above 1 it is faster for short handlers,
     * but jobs wait in the worker and their TTR runs while they wait.
     */
    private int prefetch = 1;

    /**
     * Whether each handled job is a Micrometer observation, {@code beanstalk.listener}, whose scope the handler
     * runs in (a span with tracing, so its logs carry the trace id).
     */
    private boolean observationEnabled;

    /**
     * Tube that jobs go to, body, priority and TTR unchanged, when their attempts are exhausted or they are never
     * retried; each is put there, then deleted from its own tube. Unset, they are buried.
     */
    private @Nullable String deadLetterTube;

    /** How long a container must go without a job before it publishes a ListenerContainerIdleEvent; unset, never. */
    private @Nullable Duration idleEventInterval;

    private final Retry retry = new Retry();

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public boolean isAutoStartup() {
        return autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    public Duration getReserveTimeout() {
        return reserveTimeout;
    }

    public void setReserveTimeout(Duration reserveTimeout) {
        this.reserveTimeout = reserveTimeout;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public int getPhase() {
        return phase;
    }

    public void setPhase(int phase) {
        this.phase = phase;
    }

    public boolean isAutoTouch() {
        return autoTouch;
    }

    public void setAutoTouch(boolean autoTouch) {
        this.autoTouch = autoTouch;
    }

    public int getPrefetch() {
        return prefetch;
    }

    public void setPrefetch(int prefetch) {
        this.prefetch = prefetch;
    }

    public boolean isObservationEnabled() {
        return observationEnabled;
    }

    public void setObservationEnabled(boolean observationEnabled) {
        this.observationEnabled = observationEnabled;
    }

    public @Nullable String getDeadLetterTube() {
        return deadLetterTube;
    }

    public void setDeadLetterTube(@Nullable String deadLetterTube) {
        this.deadLetterTube = deadLetterTube;
    }

    public @Nullable Duration getIdleEventInterval() {
        return idleEventInterval;
    }

    public void setIdleEventInterval(@Nullable Duration idleEventInterval) {
        this.idleEventInterval = idleEventInterval;
    }

    public Retry getRetry() {
        return retry;
    }

    ContainerProperties toContainerProperties(boolean virtualThreads) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch,
                retry.toRetryPolicy(), virtualThreads, prefetch, deadLetterTube, idleEventInterval);
    }

    /** What happens to a job whose handler failed. */
    public static class Retry {

        /** How many times a job may be reserved before a failure buries it; 1 buries on the first failure. */
        private int maxAttempts = 1;

        /** Release delay after the first failure (whole seconds). */
        private Duration initialDelay = Duration.ofSeconds(1);

        /** Factor applied to the release delay after each further failure. */
        private double multiplier = 2.0;

        /** Longest release delay. */
        private Duration maxDelay = Duration.ofMinutes(1);

        /**
         * Exception classes never retried, also when they cause the one thrown: such a job goes straight to the
         * dead-letter tube, or is buried. JobConversionException is always among them.
         */
        private List<Class<? extends Throwable>> noRetryFor = new ArrayList<>();

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialDelay() {
            return initialDelay;
        }

        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        public List<Class<? extends Throwable>> getNoRetryFor() {
            return noRetryFor;
        }

        public void setNoRetryFor(List<Class<? extends Throwable>> noRetryFor) {
            this.noRetryFor = noRetryFor;
        }

        RetryPolicy toRetryPolicy() {
            return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, Set.copyOf(noRetryFor));
        }
    }
}
