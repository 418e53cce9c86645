package dev.beanstalk.spring.listener;

import dev.beanstalk.client.TubeNames;
import dev.beanstalk.spring.core.JobConverter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An endpoint with an id (null until set), tubes and optional overrides of the factory's container properties. */
public abstract class AbstractBeanstalkListenerEndpoint implements BeanstalkListenerEndpoint {

    private @Nullable String id;
    private List<String> tubes = List.of();
    private @Nullable Integer concurrency;
    private @Nullable Boolean autoStartup;
    private @Nullable Boolean autoTouch;
    private @Nullable Integer prefetch;
    private @Nullable Integer maxAttempts;
    private @Nullable Duration retryInitialDelay;
    private @Nullable Double retryMultiplier;
    private @Nullable Duration retryMaxDelay;
    private Set<Class<? extends Throwable>> noRetryFor = Set.of();
    private @Nullable String deadLetterTube;
    private @Nullable JobErrorHandler errorHandler;
    private @Nullable JobConverter converter;

    @Override
    public @Nullable String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    @Override
    public List<String> getTubes() {
        return tubes;
    }

    /** The tubes to watch; each must be a valid beanstalkd tube name. */
    public void setTubes(List<String> tubes) {
        if (tubes.isEmpty()) {
            throw new IllegalArgumentException("a listener needs at least one tube");
        }
        for (String tube : tubes) {
            TubeNames.requireValid(tube);
        }
        this.tubes = List.copyOf(tubes);
    }

    public void setConcurrency(Integer concurrency) {
        this.concurrency = concurrency;
    }

    public void setAutoStartup(Boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    public void setAutoTouch(Boolean autoTouch) {
        this.autoTouch = autoTouch;
    }

    public void setPrefetch(Integer prefetch) {
        this.prefetch = prefetch;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public void setRetryMultiplier(Double retryMultiplier) {
        this.retryMultiplier = retryMultiplier;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    /** Exceptions of this listener that are never retried, in addition to the factory's. */
    public void setNoRetryFor(Set<Class<? extends Throwable>> noRetryFor) {
        this.noRetryFor = Set.copyOf(noRetryFor);
    }

    /** The tube this listener's exhausted jobs go to, in place of the factory's; each must be a valid tube name. */
    public void setDeadLetterTube(String deadLetterTube) {
        this.deadLetterTube = TubeNames.requireValid(deadLetterTube);
    }

    /** The error handler of this listener, in place of the factory's. */
    public void setErrorHandler(@Nullable JobErrorHandler errorHandler) {
        this.errorHandler = errorHandler;
    }

    @Override
    public @Nullable JobErrorHandler getErrorHandler() {
        return errorHandler;
    }

    /** The converter of this endpoint's payloads instead of the container factory's, such as a PHP framework's. */
    public void setConverter(@Nullable JobConverter converter) {
        this.converter = converter;
    }

    /** This endpoint's converter, or the factory's {@code defaultConverter} when it has none. */
    protected JobConverter converter(JobConverter defaultConverter) {
        return converter != null ? converter : defaultConverter;
    }

    /** Whether this endpoint overrides any of the retry policy, so that jobs' retry hints do not apply. */
    protected boolean hasOwnRetry() {
        return maxAttempts != null || retryInitialDelay != null || retryMultiplier != null || retryMaxDelay != null;
    }

    @Override
    public ContainerProperties resolveProperties(ContainerProperties defaults) {
        ContainerProperties properties = defaults;
        if (concurrency != null) {
            properties = properties.withConcurrency(concurrency);
        }
        if (autoStartup != null) {
            properties = properties.withAutoStartup(autoStartup);
        }
        if (autoTouch != null) {
            properties = properties.withAutoTouch(autoTouch);
        }
        if (prefetch != null) {
            properties = properties.withPrefetch(prefetch);
        }
        if (deadLetterTube != null) {
            properties = properties.withDeadLetterTube(deadLetterTube);
        }
        RetryPolicy retry = properties.retry();
        if (maxAttempts != null) {
            retry = retry.withMaxAttempts(maxAttempts);
        }
        if (retryInitialDelay != null) {
            retry = retry.withInitialDelay(retryInitialDelay);
        }
        if (retryMultiplier != null) {
            retry = retry.withMultiplier(retryMultiplier);
        }
        if (retryMaxDelay != null) {
            retry = retry.withMaxDelay(retryMaxDelay);
        }
        return properties.withRetry(retry.withNoRetryFor(noRetryFor));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + " on " + tubes + "]";
    }
}
