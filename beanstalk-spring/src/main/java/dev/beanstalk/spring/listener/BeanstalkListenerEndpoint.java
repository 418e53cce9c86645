package dev.beanstalk.spring.listener;

import dev.beanstalk.spring.core.JobConverter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A listener and where it listens: what a {@link BeanstalkListenerContainerFactory} turns into a running
 * {@link BeanstalkListenerContainer}. {@code @BeanstalkListener} methods become endpoints; register others with
 * {@link BeanstalkListenerEndpointRegistry#registerListenerContainer}.
 */
public interface BeanstalkListenerEndpoint {

    /** The id of the container, unique in its registry; an endpoint must have one before it is registered. */
    @Nullable String getId();

    /** The tubes to watch; at least one. */
    List<String> getTubes();

    /** The listener, reading payloads with {@code converter}. */
    JobListener createListener(JobConverter converter);

    /** The container properties of this endpoint: the factory's {@code defaults} with this endpoint's overrides. */
    default ContainerProperties resolveProperties(ContainerProperties defaults) {
        return defaults;
    }

    /** This endpoint's own error handler, or null to use the factory's. */
    default @Nullable JobErrorHandler getErrorHandler() {
        return null;
    }
}
