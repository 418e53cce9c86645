package dev.beanstalk.spring.listener;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.spring.core.JobConverter;
import dev.beanstalk.spring.metrics.BeanstalkMetrics;
import dev.beanstalk.spring.observation.BeanstalkListenerObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;

/**
 * Creates {@link BeanstalkListenerContainer}s that connect through one {@link BeanstalkClient}, read payloads with one
 * {@link JobConverter}, and start from these {@link ContainerProperties}, which each endpoint may override.
 */
public final class ConcurrentBeanstalkListenerContainerFactory
        implements BeanstalkListenerContainerFactory, ApplicationEventPublisherAware {

    private final BeanstalkClient client;
    private final JobConverter converter;
    private ContainerProperties containerProperties = ContainerProperties.DEFAULTS;
    private BeanstalkMetrics metrics = BeanstalkMetrics.NONE;
    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
    private @Nullable BeanstalkListenerObservationConvention observationConvention;
    private JobErrorHandler errorHandler = new DefaultJobErrorHandler();
    private @Nullable ApplicationEventPublisher eventPublisher;

    public ConcurrentBeanstalkListenerContainerFactory(BeanstalkClient client, JobConverter converter) {
        this.client = Objects.requireNonNull(client, "client");
        this.converter = Objects.requireNonNull(converter, "converter");
    }

    public ContainerProperties getContainerProperties() {
        return containerProperties;
    }

    public void setContainerProperties(ContainerProperties containerProperties) {
        this.containerProperties = Objects.requireNonNull(containerProperties, "containerProperties");
    }

    public void setMetrics(BeanstalkMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Observes every handled job as {@code beanstalk.listener} in this registry; the default
     * {@link ObservationRegistry#NOOP} observes nothing.
     */
    public void setObservationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
    }

    /** Replaces the default convention of the {@code beanstalk.listener} observation; null restores it. */
    public void setObservationConvention(@Nullable BeanstalkListenerObservationConvention observationConvention) {
        this.observationConvention = observationConvention;
    }

    /** The error handler of the containers whose endpoint names none; a {@link DefaultJobErrorHandler} unless set. */
    public void setErrorHandler(JobErrorHandler errorHandler) {
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
    }

    public JobErrorHandler getErrorHandler() {
        return errorHandler;
    }

    @Override
    public void setApplicationEventPublisher(ApplicationEventPublisher eventPublisher) {
        this.eventPublisher = eventPublisher;
    }

    public BeanstalkClient getClient() {
        return client;
    }

    public JobConverter getConverter() {
        return converter;
    }

    @Override
    public BeanstalkListenerContainer createListenerContainer(BeanstalkListenerEndpoint endpoint) {
        JobListener listener = endpoint.createListener(converter);
        if (!observationRegistry.isNoop()) {
            listener = new ObservedJobListener(listener, endpoint.getId(), observationRegistry, observationConvention);
        }
        BeanstalkListenerContainer container = new BeanstalkListenerContainer(endpoint.getId(), endpoint.getTubes(),
                listener, client, endpoint.resolveProperties(containerProperties), metrics);
        JobErrorHandler own = endpoint.getErrorHandler();
        container.setErrorHandler(own != null ? own : errorHandler);
        container.setApplicationEventPublisher(eventPublisher);
        return container;
    }
}
