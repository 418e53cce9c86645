/** The {@code beanstalk} Actuator endpoint: listener containers and tubes, and pausing or resuming a container. */
@NullMarked
package dev.beanstalk.spring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
