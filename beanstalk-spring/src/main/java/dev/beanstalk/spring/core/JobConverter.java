package dev.beanstalk.spring.core;

import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * Turns payloads into job bodies and job bodies back into payloads.
 *
 * <p>{@code String} and {@code byte[]} pass through as UTF-8 text and raw bytes in both directions; what other types
 * become is the implementation's choice.
 */
public interface JobConverter {

    /** The body for {@code payload}, which is never null. */
    byte[] toBody(Object payload);

    /**
     * The payload of {@code body} as {@code type}; null for a body that says null, such as JSON's {@code null}.
     *
     * @throws JobConversionException if the body cannot be read as that type
     */
    @Nullable Object fromBody(byte[] body, Type type);

    /**
     * The retry hints {@code body} carries, such as a Laravel envelope's {@code maxTries} and {@code backoff};
     * {@link RetryHints#NONE} for formats without them or bodies that cannot be read.
     */
    default RetryHints retryHints(byte[] body) {
        return RetryHints.NONE;
    }
}
