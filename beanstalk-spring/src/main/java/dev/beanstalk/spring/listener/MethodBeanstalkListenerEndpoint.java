package dev.beanstalk.spring.listener;

import dev.beanstalk.client.Job;
import dev.beanstalk.spring.core.JobConverter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ReflectionUtils;

/**
 * An endpoint that calls a bean's method for each job. Its parameters may be the payload (any type the converter
 * reads; at most one), the raw {@link Job}, and the {@link JobHandle}, in any order.
 */
public final class MethodBeanstalkListenerEndpoint extends AbstractBeanstalkListenerEndpoint {

    private final Object bean;
    private final Method method;

    public MethodBeanstalkListenerEndpoint(Object bean, Method method) {
        this.bean = Objects.requireNonNull(bean, "bean");
        this.method = Objects.requireNonNull(method, "method");
        payloadType(method);
        ReflectionUtils.makeAccessible(method);
    }

    public Object getBean() {
        return bean;
    }

    public Method getMethod() {
        return method;
    }

    @Override
    public JobListener createListener(JobConverter converter) {
        Type payloadType = payloadType(method);
        Class<?>[] types = method.getParameterTypes();
        return (job, handle) -> {
            Object[] arguments = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                if (types[i] == Job.class) {
                    arguments[i] = job;
                } else if (types[i] == JobHandle.class) {
                    arguments[i] = handle;
                } else {
                    arguments[i] = converter.fromBody(job.body(), payloadType);
                }
            }
            invoke(arguments);
        };
    }

    private void invoke(Object[] arguments) throws Exception {
        try {
            method.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The generic type of the payload parameter, or null without one; more than one is an error. */
    private static @Nullable Type payloadType(Method method) {
        Type payload = null;
        Type[] parameters = method.getGenericParameterTypes();
        Class<?>[] raw = method.getParameterTypes();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == Job.class || raw[i] == JobHandle.class) {
                continue;
            }
            if (payload != null) {
                throw new IllegalArgumentException("Listener method " + method + " has two payload parameters;"
                        + " it may have one payload, a Job and a JobHandle");
            }
            payload = parameters[i];
        }
        return payload;
    }

    @Override
    public String toString() {
        return "MethodBeanstalkListenerEndpoint[" + getId() + " on " + getTubes() + ": " + method + "]";
    }
}
