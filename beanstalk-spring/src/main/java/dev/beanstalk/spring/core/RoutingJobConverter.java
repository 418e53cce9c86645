package dev.beanstalk.spring.core;

import java.util.List;

/**
 * A {@link JobConverter} whose bodies name the type of their payload, as the envelopes of Laravel and Symfony
 * Messenger name a PHP class: a listener with several handler methods on one tube gives each job to the method of
 * its type.
 */
public interface RoutingJobConverter extends JobConverter {

    /**
     * The payload of {@code body} as the one of {@code candidates} it names.
     *
     * @throws JobConversionException if the body names none of them, or cannot be read as the one it names
     */
    Object fromBodyAsOneOf(byte[] body, List<Class<?>> candidates);
}
