/** Listener endpoints, the endpoint registry, the container factory and the containers that run jobs. */
@NullMarked
package dev.beanstalk.spring.listener;

import org.jspecify.annotations.NullMarked;
