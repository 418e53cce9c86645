package dev.beanstalk.spring.annotation;

import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the {@link BeanstalkListenerAnnotationBeanPostProcessor} and, unless the application has one, a
 * {@link BeanstalkListenerEndpointRegistry}; imported by {@link EnableBeanstalk}.
 */
public final class BeanstalkBootstrapConfiguration implements ImportBeanDefinitionRegistrar {

    /** The bean name of the annotation post-processor. */
    public static final String ANNOTATION_PROCESSOR_BEAN_NAME =
            "dev.beanstalk.spring.annotation.internalBeanstalkListenerAnnotationProcessor";

    /** The bean name of the endpoint registry registered when the application has none. */
    public static final String ENDPOINT_REGISTRY_BEAN_NAME = "beanstalkListenerEndpointRegistry";

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        if (!registry.containsBeanDefinition(ANNOTATION_PROCESSOR_BEAN_NAME)) {
            RootBeanDefinition processor = new RootBeanDefinition(BeanstalkListenerAnnotationBeanPostProcessor.class);
            processor.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
            registry.registerBeanDefinition(ANNOTATION_PROCESSOR_BEAN_NAME, processor);
        }
        if (!registry.containsBeanDefinition(ENDPOINT_REGISTRY_BEAN_NAME) && !hasRegistry(registry)) {
            registry.registerBeanDefinition(ENDPOINT_REGISTRY_BEAN_NAME,
                    new RootBeanDefinition(BeanstalkListenerEndpointRegistry.class));
        }
    }

    private static boolean hasRegistry(BeanDefinitionRegistry registry) {
        return registry instanceof ListableBeanFactory beans
                && beans.getBeanNamesForType(BeanstalkListenerEndpointRegistry.class, true, false).length > 0;
    }
}
