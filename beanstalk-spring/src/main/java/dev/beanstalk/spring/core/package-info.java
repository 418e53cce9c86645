/** {@code BeanstalkOperations} and {@code BeanstalkTemplate}, and how payloads become job bodies. */
@NullMarked
package dev.beanstalk.spring.core;

import org.jspecify.annotations.NullMarked;
