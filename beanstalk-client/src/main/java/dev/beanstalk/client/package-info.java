/**
 * A complete, thread-safe beanstalkd client: {@code BeanstalkClient}, {@code BeanstalkConnection}, their values and
 * exceptions.
 */
@NullMarked
package dev.beanstalk.client;

import org.jspecify.annotations.NullMarked;
