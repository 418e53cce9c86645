package dev.beanstalk.spring.annotation;

import dev.beanstalk.spring.core.JobConverter;
import dev.beanstalk.spring.listener.AbstractBeanstalkListenerEndpoint;
import dev.beanstalk.spring.listener.BeanstalkListenerContainerFactory;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import dev.beanstalk.spring.listener.JobErrorHandler;
import dev.beanstalk.spring.listener.MethodBeanstalkListenerEndpoint;
import dev.beanstalk.spring.listener.MultiMethodBeanstalkListenerEndpoint;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Finds {@link BeanstalkListener} methods on beans, and classes with {@link BeanstalkHandler} methods, and registers
 * a container for each with the {@link BeanstalkListenerEndpointRegistry}, once all singletons exist (or at once for
 * beans created later).
 */
public final class BeanstalkListenerAnnotationBeanPostProcessor
        implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware, Ordered {

    /** The bean name of the container factory used when an annotation names none. */
    public static final String DEFAULT_CONTAINER_FACTORY_BEAN_NAME = "beanstalkListenerContainerFactory";

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

    private final List<Registration> pending = new ArrayList<>();
    private ConfigurableBeanFactory beanFactory;
    private boolean initialized;

    /** An endpoint to register once all singletons exist, with the bean names it refers to. */
    private record Registration(AbstractBeanstalkListenerEndpoint endpoint, String containerFactory,
            String errorHandler) {
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableBeanFactory) beanFactory;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, BeanstalkListener> methods = listenerMethods(type);
        methods.forEach((method, annotation) -> {
            Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
            MethodBeanstalkListenerEndpoint endpoint = new MethodBeanstalkListenerEndpoint(bean, invocable);
            add(configure(endpoint, beanName + "." + method.getName(), method, annotation), annotation);
        });
        BeanstalkListener classListener = AnnotatedElementUtils.findMergedAnnotation(type, BeanstalkListener.class);
        if (classListener != null) {
            List<Method> handlers = MethodIntrospector.selectMethods(type, (ReflectionUtils.MethodFilter) method ->
                    AnnotatedElementUtils.hasAnnotation(method, BeanstalkHandler.class)).stream()
                    .map(method -> AopUtils.selectInvocableMethod(method, bean.getClass())).toList();
            MultiMethodBeanstalkListenerEndpoint endpoint = new MultiMethodBeanstalkListenerEndpoint(bean, handlers);
            add(configure(endpoint, beanName, type, classListener), classListener);
        }
        return bean;
    }

    /** The {@code @BeanstalkListener} methods of {@code type}, with their annotations. */
    static Map<Method, BeanstalkListener> listenerMethods(Class<?> type) {
        return MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<BeanstalkListener>) method ->
                AnnotatedElementUtils.findMergedAnnotation(method, BeanstalkListener.class));
    }

    private void add(AbstractBeanstalkListenerEndpoint endpoint, BeanstalkListener annotation) {
        Registration registration = new Registration(endpoint, resolve(annotation.containerFactory()),
                resolve(annotation.errorHandler()));
        synchronized (pending) {
            if (initialized) {
                register(registration);
            } else {
                pending.add(registration);
            }
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        synchronized (pending) {
            initialized = true;
            pending.forEach(this::register);
            pending.clear();
        }
    }

    private void register(Registration registration) {
        String factoryName = registration.containerFactory().isEmpty() ? DEFAULT_CONTAINER_FACTORY_BEAN_NAME
                : registration.containerFactory();
        BeanstalkListenerContainerFactory factory = beanFactory.getBean(factoryName,
                BeanstalkListenerContainerFactory.class);
        if (!registration.errorHandler().isEmpty()) {
            registration.endpoint().setErrorHandler(beanFactory.getBean(registration.errorHandler(),
                    JobErrorHandler.class));
        }
        beanFactory.getBean(BeanstalkListenerEndpointRegistry.class)
                .registerListenerContainer(registration.endpoint(), factory);
    }

    private AbstractBeanstalkListenerEndpoint configure(AbstractBeanstalkListenerEndpoint endpoint, String defaultId,
            Object annotated, BeanstalkListener annotation) {
        String id = resolve(annotation.id());
        endpoint.setId(id.isEmpty() ? defaultId : id);
        List<String> tubes = Stream.concat(Stream.of(annotation.tube()), Arrays.stream(annotation.tubes()))
                .flatMap(tube -> resolveAll(tube).stream()).filter(StringUtils::hasText).distinct().toList();
        if (tubes.isEmpty()) {
            throw new IllegalStateException("@BeanstalkListener on " + annotated + " names no tube; set tube or"
                    + " tubes");
        }
        set(annotation.converter(), name -> beanFactory.getBean(name, JobConverter.class), endpoint::setConverter);
        endpoint.setTubes(tubes);
        set(annotation.concurrency(), Integer::valueOf, endpoint::setConcurrency);
        set(annotation.prefetch(), Integer::valueOf, endpoint::setPrefetch);
        set(annotation.autoStartup(), Boolean::valueOf, endpoint::setAutoStartup);
        set(annotation.autoTouch(), Boolean::valueOf, endpoint::setAutoTouch);
        set(annotation.maxAttempts(), Integer::valueOf, endpoint::setMaxAttempts);
        set(annotation.retryInitialDelay(), BeanstalkListenerAnnotationBeanPostProcessor::duration, endpoint::setRetryInitialDelay);
        set(annotation.retryMultiplier(), Double::valueOf, endpoint::setRetryMultiplier);
        set(annotation.retryMaxDelay(), BeanstalkListenerAnnotationBeanPostProcessor::duration, endpoint::setRetryMaxDelay);
        set(annotation.deadLetterTube(), Function.identity(), endpoint::setDeadLetterTube);
        endpoint.setNoRetryFor(Set.of(annotation.noRetryFor()));
        return endpoint;
    }

    private <T> void set(String value, Function<String, T> parser, Consumer<T> setter) {
        String resolved = resolve(value);
        if (!resolved.isEmpty()) {
            setter.accept(parser.apply(resolved));
        }
    }

    private String resolve(String value) {
        List<String> values = resolveAll(value);
        return values.isEmpty() ? "" : String.join(",", values);
    }

    /** Resolves placeholders, then SpEL; an expression may give one value, an array or a collection. */
    private List<String> resolveAll(String value) {
        if (value.isEmpty()) {
            return List.of();
        }
        Object resolved = beanFactory.resolveEmbeddedValue(value);
        BeanExpressionResolver expressions = beanFactory.getBeanExpressionResolver();
        if (expressions != null && resolved instanceof String text) {
            resolved = expressions.evaluate(text, new BeanExpressionContext(beanFactory, null));
        }
        if (resolved instanceof Object[] array) {
            resolved = Arrays.asList(array);
        }
        if (resolved instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).map(String::strip).toList();
        }
        return resolved == null ? List.of() : List.of(resolved.toString().strip());
    }

    /** Reads {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}, a number of milliseconds, or ISO-8601. */
    static Duration duration(String text) {
        Matcher simple = SIMPLE_DURATION.matcher(text);
        if (!simple.matches()) {
            return Duration.parse(text);
        }
        long amount = Long.parseLong(simple.group(1));
        String unit = simple.group(2) == null ? "ms" : simple.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.of(amount, ChronoUnit.DAYS);
            default -> Duration.ofMillis(amount);
        };
    }
}
