package dev.beanstalk.spring.annotation;

import dev.beanstalk.client.Job;
import dev.beanstalk.spring.listener.JobHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;

/**
 * Ahead of time, registers the reflection a native image needs for each bean's {@code @BeanstalkListener} methods:
 * the methods themselves, invoked reflectively, and their payload types, bound from JSON.
 */
final class BeanstalkListenerBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

    private static final Set<Class<?>> NOT_PAYLOADS = Set.of(Job.class, JobHandle.class);

    @Override
    public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
        Set<Method> methods = BeanstalkListenerAnnotationBeanPostProcessor
                .listenerMethods(registeredBean.getBeanClass()).keySet();
        if (methods.isEmpty()) {
            return null;
        }
        return (generationContext, code) -> register(generationContext.getRuntimeHints().reflection(), methods);
    }

    static void register(ReflectionHints reflection, Set<Method> methods) {
        BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
        for (Method method : methods) {
            reflection.registerMethod(method, ExecutableMode.INVOKE);
            Class<?>[] raw = method.getParameterTypes();
            Type[] generic = method.getGenericParameterTypes();
            for (int i = 0; i < raw.length; i++) {
                if (!NOT_PAYLOADS.contains(raw[i])) {
                    bindings.registerReflectionHints(reflection, generic[i]);
                }
            }
        }
    }
}
