package dev.beanstalk.spring.autoconfigure;

import dev.beanstalk.spring.annotation.BeanstalkListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Keeps beans with {@link BeanstalkListener} methods eager under {@code spring.main.lazy-initialization=true}: a
 * listener bean nothing else asks for would otherwise never be created, and its jobs never handled.
 */
final class BeanstalkListenerLazyInitializationExcludeFilter implements LazyInitializationExcludeFilter {

    private final Map<Class<?>, Boolean> listenerTypes = new ConcurrentHashMap<>();

    @Override
    public boolean isExcluded(String beanName, BeanDefinition beanDefinition, Class<?> beanType) {
        return listenerTypes.computeIfAbsent(beanType, BeanstalkListenerLazyInitializationExcludeFilter::hasListener);
    }

    private static boolean hasListener(Class<?> type) {
        return AnnotationUtils.isCandidateClass(type, BeanstalkListener.class)
                && !MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<BeanstalkListener>)
                        method -> AnnotatedElementUtils.findMergedAnnotation(method, BeanstalkListener.class))
                        .isEmpty();
    }
}
