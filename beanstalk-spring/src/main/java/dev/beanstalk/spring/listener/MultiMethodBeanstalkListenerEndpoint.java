package dev.beanstalk.spring.listener;

import dev.beanstalk.spring.core.JobConverter;
import dev.beanstalk.spring.core.RoutingJobConverter;
import java.lang.reflect.Method;
import java.util.List;

/**
 * An endpoint that gives each job to the one of a bean's handler methods whose payload type the job names, such as
 * the PHP class of a Laravel job: several job classes share a tube, each handled by its own method. It needs a
 * {@link RoutingJobConverter}; a job naming none of the types fails as unconvertible.
 */
public final class MultiMethodBeanstalkListenerEndpoint extends AbstractBeanstalkListenerEndpoint {

    private final Object bean;
    private final List<HandlerMethod> handlers;

    public MultiMethodBeanstalkListenerEndpoint(Object bean, List<Method> methods) {
        this.bean = bean;
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("A listener on " + bean.getClass().getName() + " has no handler"
                    + " methods; annotate them with @BeanstalkHandler");
        }
        this.handlers = methods.stream().map(method -> new HandlerMethod(bean, method)).toList();
    }

    public Object getBean() {
        return bean;
    }

    public List<Method> getMethods() {
        return handlers.stream().map(HandlerMethod::method).toList();
    }

    @Override
    public JobListener createListener(JobConverter converter) {
        return new HandlerMethodsJobListener(handlers, converter(converter), !hasOwnRetry());
    }

    @Override
    public String toString() {
        return "MultiMethodBeanstalkListenerEndpoint[" + getId() + " on " + getTubes() + ": " + handlers + "]";
    }
}
