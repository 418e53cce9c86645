/**
 * PHP's job formats: the {@code serialize()} codec, and converters for Laravel queue jobs and Symfony Messenger
 * messages, so Java listeners and PHP workers share tubes.
 */
@NullMarked
package dev.beanstalk.spring.php;

import org.jspecify.annotations.NullMarked;
