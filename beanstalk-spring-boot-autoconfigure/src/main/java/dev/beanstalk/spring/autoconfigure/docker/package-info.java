/** Service connections to beanstalkd services started by Spring Boot's Docker Compose support. */
@NullMarked
package dev.beanstalk.spring.autoconfigure.docker;

import org.jspecify.annotations.NullMarked;
