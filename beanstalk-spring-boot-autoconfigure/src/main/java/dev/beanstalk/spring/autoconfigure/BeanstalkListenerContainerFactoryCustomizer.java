package dev.beanstalk.spring.autoconfigure;

import dev.beanstalk.spring.listener.ConcurrentBeanstalkListenerContainerFactory;

/** Changes the auto-configured listener container factory; customizers run in {@code @Order}. */
@FunctionalInterface
public interface BeanstalkListenerContainerFactoryCustomizer {

    void customize(ConcurrentBeanstalkListenerContainerFactory factory);
}
