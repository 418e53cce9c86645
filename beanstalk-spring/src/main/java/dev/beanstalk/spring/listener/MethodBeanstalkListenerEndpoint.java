package dev.beanstalk.spring.listener;

import dev.beanstalk.client.Job;
import dev.beanstalk.spring.core.JobConverter;
import java.lang.reflect.Method;
import java.util.List;

/**
 * An endpoint that calls a bean's method for each job. Its parameters may be the payload (any type the converter
 * reads; at most one), the raw {@link Job}, and the {@link JobHandle}, in any order.
 */
public final class MethodBeanstalkListenerEndpoint extends AbstractBeanstalkListenerEndpoint {

    private final Object bean;
    private final HandlerMethod handler;

    public MethodBeanstalkListenerEndpoint(Object bean, Method method) {
        this.bean = bean;
        this.handler = new HandlerMethod(bean, method);
    }

    public Object getBean() {
        return bean;
    }

    public Method getMethod() {
        return handler.method();
    }

    @Override
    public JobListener createListener(JobConverter converter) {
        return new HandlerMethodsJobListener(List.of(handler), converter(converter), !hasOwnRetry());
    }

    @Override
    public String toString() {
        return "MethodBeanstalkListenerEndpoint[" + getId() + " on " + getTubes() + ": " + handler + "]";
    }
}
