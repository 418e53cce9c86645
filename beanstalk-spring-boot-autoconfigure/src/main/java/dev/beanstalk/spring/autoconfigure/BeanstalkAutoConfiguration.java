package dev.beanstalk.spring.autoconfigure;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.spring.annotation.BeanstalkBootstrapConfiguration;
import dev.beanstalk.spring.annotation.BeanstalkListenerAnnotationBeanPostProcessor;
import dev.beanstalk.spring.annotation.EnableBeanstalk;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.spring.core.JobConverter;
import dev.beanstalk.spring.core.JsonJobConverter;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import dev.beanstalk.spring.listener.ConcurrentBeanstalkListenerContainerFactory;
import dev.beanstalk.spring.listener.JobErrorHandler;
import dev.beanstalk.spring.metrics.BeanstalkMetrics;
import dev.beanstalk.spring.observation.BeanstalkListenerObservationConvention;
import dev.beanstalk.spring.observation.BeanstalkTemplateObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration of beanstalkd: a {@link BeanstalkClient} connecting through {@link BeanstalkConnectionDetails},
 * a {@link BeanstalkTemplate}, and the listener container factory and annotation processing behind
 * {@code @BeanstalkListener}, whose failed jobs a {@link JobErrorHandler} bean of the application settles when it has
 * one. Each bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass(BeanstalkClient.class)
@EnableConfigurationProperties(BeanstalkProperties.class)
public final class BeanstalkAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BeanstalkConnectionDetails beanstalkConnectionDetails(BeanstalkProperties properties) {
        return new PropertiesBeanstalkConnectionDetails(properties);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    BeanstalkClient beanstalkClient(BeanstalkProperties properties, BeanstalkConnectionDetails connectionDetails,
            ObjectProvider<SslBundles> sslBundles, ObjectProvider<BeanstalkConnectionOptionsCustomizer> customizers) {
        ConnectionOptions.Builder options = ConnectionOptions.builder()
                .servers(connectionDetails.getServers())
                .connectTimeout(properties.getConnectTimeout())
                .readTimeout(properties.getReadTimeout())
                .maxJobSize(properties.getMaxJobSize())
                .reconnectDelay(properties.getReconnectDelay())
                .maxReconnectDelay(properties.getMaxReconnectDelay());
        BeanstalkSsl.configure(options, properties.getSsl(), sslBundles);
        customizers.orderedStream().forEach(customizer -> customizer.customize(options));
        return BeanstalkClient.builder().options(options.build()).poolSize(properties.getPoolSize())
                .strategy(properties.getFleet().getStrategy().create()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    JobConverter beanstalkJobConverter(ObjectProvider<JsonMapper> jsonMapper) {
        return new JsonJobConverter(jsonMapper.getIfAvailable(JsonMapper::shared));
    }

    @Bean
    @ConditionalOnMissingBean(BeanstalkOperations.class)
    BeanstalkTemplate beanstalkTemplate(BeanstalkClient client, JobConverter converter,
            BeanstalkProperties properties, ObjectProvider<BeanstalkMetrics> metrics,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<BeanstalkTemplateObservationConvention> observationConvention) {
        BeanstalkTemplate.Builder template = BeanstalkTemplate.builder(client, converter)
                .defaultTube(properties.getTemplate().getTube())
                .defaultOptions(properties.getTemplate().toJobOptions())
                .metrics(metrics.getIfAvailable(() -> BeanstalkMetrics.NONE));
        if (properties.getTemplate().isObservationEnabled()) {
            template.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
                    .observationConvention(observationConvention.getIfUnique());
        }
        return template.build();
    }

    @Bean(name = BeanstalkListenerAnnotationBeanPostProcessor.DEFAULT_CONTAINER_FACTORY_BEAN_NAME)
    @ConditionalOnMissingBean(name = BeanstalkListenerAnnotationBeanPostProcessor.DEFAULT_CONTAINER_FACTORY_BEAN_NAME)
    ConcurrentBeanstalkListenerContainerFactory beanstalkListenerContainerFactory(BeanstalkClient client,
            JobConverter converter, BeanstalkProperties properties, Environment environment,
            ObjectProvider<BeanstalkMetrics> metrics, ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<BeanstalkListenerObservationConvention> observationConvention,
            ObjectProvider<JobErrorHandler> errorHandler,
            ObjectProvider<BeanstalkListenerContainerFactoryCustomizer> customizers) {
        ConcurrentBeanstalkListenerContainerFactory factory =
                new ConcurrentBeanstalkListenerContainerFactory(client, converter);
        factory.setContainerProperties(properties.getListener()
                .toContainerProperties(Threading.VIRTUAL.isActive(environment)));
        factory.setMetrics(metrics.getIfAvailable(() -> BeanstalkMetrics.NONE));
        if (properties.getListener().isObservationEnabled()) {
            factory.setObservationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
            factory.setObservationConvention(observationConvention.getIfUnique());
        }
        errorHandler.ifUnique(factory::setErrorHandler);
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }

    @Bean
    static LazyInitializationExcludeFilter beanstalkListenerLazyInitializationExcludeFilter() {
        return new BeanstalkListenerLazyInitializationExcludeFilter();
    }

    /**
     * Registers the {@code @BeanstalkListener} processor and endpoint registry unless the application did; the
     * registry starts in the phase {@code beanstalk.listener.phase}.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableBeanstalk
    @ConditionalOnMissingBean(name = BeanstalkBootstrapConfiguration.ANNOTATION_PROCESSOR_BEAN_NAME)
    static class EnableBeanstalkConfiguration {

        @Bean(name = BeanstalkBootstrapConfiguration.ENDPOINT_REGISTRY_BEAN_NAME)
        @ConditionalOnMissingBean
        static BeanstalkListenerEndpointRegistry beanstalkListenerEndpointRegistry(BeanstalkProperties properties,
                Environment environment) {
            ShutdownTimeouts.warnIfTooLong(properties.getListener().getShutdownTimeout(), environment);
            BeanstalkListenerEndpointRegistry registry = new BeanstalkListenerEndpointRegistry();
            registry.setPhase(properties.getListener().getPhase());
            return registry;
        }
    }
}
