package dev.beanstalk.spring.autoconfigure;

import dev.beanstalk.client.TubeNames;
import java.time.Duration;
import java.util.List;
import org.springframework.validation.Errors;

/**
 * The rules of {@link BeanstalkProperties}, checked as they are bound so that a bad value fails startup with Boot's
 * report naming the property, the value and the rule.
 */
final class BeanstalkPropertiesValidator {

    private static final long MAX_U32 = 4_294_967_295L;

    private final Errors errors;

    private BeanstalkPropertiesValidator(Errors errors) {
        this.errors = errors;
    }

    static void validate(BeanstalkProperties properties, Errors errors) {
        new BeanstalkPropertiesValidator(errors).check(properties);
    }

    private void check(BeanstalkProperties properties) {
        range("port", properties.getPort(), 1, 65_535);
        positive("connect-timeout", properties.getConnectTimeout());
        positive("read-timeout", properties.getReadTimeout());
        range("max-job-size", properties.getMaxJobSize(), 1, Integer.MAX_VALUE);
        positive("reconnect-delay", properties.getReconnectDelay());
        positive("max-reconnect-delay", properties.getMaxReconnectDelay());
        range("pool-size", properties.getPoolSize(), 1, Integer.MAX_VALUE);
        range("embedded.port", properties.getEmbedded().getPort(), 0, 65_535);
        checkTemplate(properties.getTemplate());
        checkListener(properties.getListener());
    }

    private void checkTemplate(BeanstalkProperties.Template template) {
        tube("template.tube", template.getTube());
        range("template.priority", template.getPriority(), 0, MAX_U32);
        seconds("template.delay", template.getDelay(), Duration.ZERO);
        seconds("template.ttr", template.getTtr(), Duration.ofSeconds(1));
    }

    private void checkListener(BeanstalkListenerProperties listener) {
        range("listener.concurrency", listener.getConcurrency(), 1, Integer.MAX_VALUE);
        range("listener.prefetch", listener.getPrefetch(), 1, Integer.MAX_VALUE);
        positive("listener.reserve-timeout", listener.getReserveTimeout());
        notNegative("listener.shutdown-timeout", listener.getShutdownTimeout());
        if (listener.getDeadLetterTube() != null) {
            tube("listener.dead-letter-tube", listener.getDeadLetterTube());
        }
        if (listener.getIdleEventInterval() != null) {
            positive("listener.idle-event-interval", listener.getIdleEventInterval());
        }
        BeanstalkListenerProperties.Retry retry = listener.getRetry();
        range("listener.retry.max-attempts", retry.getMaxAttempts(), 1, Integer.MAX_VALUE);
        notNegative("listener.retry.initial-delay", retry.getInitialDelay());
        notNegative("listener.retry.max-delay", retry.getMaxDelay());
        double multiplier = retry.getMultiplier();
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            reject("listener.retry.multiplier", "must be a finite number of at least 1");
        }
        List<Class<? extends Throwable>> noRetryFor = retry.getNoRetryFor();
        for (int i = 0; i < noRetryFor.size(); i++) {
            if (!Throwable.class.isAssignableFrom(noRetryFor.get(i))) {
                reject("listener.retry.no-retry-for[" + i + "]", "must be an exception class");
            }
        }
    }

    private void range(String property, long value, long min, long max) {
        if (value < min || value > max) {
            reject(property, max == Integer.MAX_VALUE ? "must be at least " + min
                    : "must be between " + min + " and " + max);
        }
    }

    private void positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            reject(property, "must be a positive duration");
        }
    }

    private void notNegative(String property, Duration value) {
        if (value == null || value.isNegative()) {
            reject(property, "must not be negative");
        }
    }

    private void seconds(String property, Duration value, Duration min) {
        if (value == null || value.compareTo(min) < 0 || value.toSeconds() > MAX_U32) {
            reject(property, "must be between " + min.toSeconds() + "s and " + MAX_U32 + "s");
        }
    }

    private void tube(String property, String tube) {
        try {
            TubeNames.requireValid(tube);
        } catch (IllegalArgumentException e) {
            reject(property, e.getMessage());
        }
    }

    private void reject(String property, String rule) {
        errors.rejectValue(property, "beanstalk.invalid", rule);
    }
}
