package dev.beanstalk.spring.listener;

import dev.beanstalk.client.Job;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Objects;
import org.springframework.util.ReflectionUtils;

/**
 * A bean method that handles jobs: its parameters may be the payload (at most one), the raw {@link Job} and the
 * {@link JobHandle}, in any order.
 */
final class HandlerMethod {

    private final Object bean;
    private final Method method;
    private final Type payloadType;

    HandlerMethod(Object bean, Method method) {
        this.bean = Objects.requireNonNull(bean, "bean");
        this.method = Objects.requireNonNull(method, "method");
        this.payloadType = payloadType(method);
        ReflectionUtils.makeAccessible(method);
    }

    Method method() {
        return method;
    }

    /** The generic type of the payload parameter, or null without one. */
    Type payloadType() {
        return payloadType;
    }

    void invoke(Job job, JobHandle handle, Object payload) throws Exception {
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == Job.class) {
                arguments[i] = job;
            } else if (types[i] == JobHandle.class) {
                arguments[i] = handle;
            } else {
                arguments[i] = payload;
            }
        }
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

    private static Type payloadType(Method method) {
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
        return method.toString();
    }
}
