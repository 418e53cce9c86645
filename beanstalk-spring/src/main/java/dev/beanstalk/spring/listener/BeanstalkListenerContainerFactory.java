package dev.beanstalk.spring.listener;

/** Creates the container that runs an endpoint. */
@FunctionalInterface
public interface BeanstalkListenerContainerFactory {

    BeanstalkListenerContainer createListenerContainer(BeanstalkListenerEndpoint endpoint);
}
