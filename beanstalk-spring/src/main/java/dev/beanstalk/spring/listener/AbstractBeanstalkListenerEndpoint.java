package dev.beanstalk.spring.listener;

import dev.beanstalk.client.TubeNames;
import dev.beanstalk.spring.core.JobConverter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** An endpoint with an id, tubes and optional overrides of the factory's container properties. */
public abstract class AbstractBeanstalkListenerEndpoint implements BeanstalkListenerEndpoint {

    private String id;
    private List<String> tubes = List.of();
    private Integer concurrency;
    private Boolean autoStartup;
    private Boolean autoTouch;
    private Integer prefetch;
    private Integer maxAttempts;
    private Duration retryInitialDelay;
    private Double retryMultiplier;
    private Duration retryMaxDelay;
    private JobConverter converter;

    @Override
    public String getId() {
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

    /** The converter of this endpoint's payloads instead of the container factory's, such as a PHP framework's. */
    public void setConverter(JobConverter converter) {
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
        return properties.withRetry(retry);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + " on " + tubes + "]";
    }
}
