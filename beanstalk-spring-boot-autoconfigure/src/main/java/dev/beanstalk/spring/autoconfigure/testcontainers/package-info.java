/** Service connections to beanstalkd containers of Testcontainers. */
@NullMarked
package dev.beanstalk.spring.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
