package dev.beanstalk.spring.listener;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.spring.core.JobConverter;
import dev.beanstalk.spring.metrics.BeanstalkMetrics;
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
        BeanstalkListenerContainer container = new BeanstalkListenerContainer(endpoint.getId(), endpoint.getTubes(),
                endpoint.createListener(converter), client, endpoint.resolveProperties(containerProperties), metrics);
        container.setErrorHandler(endpoint.getErrorHandler() != null ? endpoint.getErrorHandler() : errorHandler);
        container.setApplicationEventPublisher(eventPublisher);
        return container;
    }
}
