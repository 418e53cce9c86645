/** The beanstalkd health indicator and its auto-configuration. */
@NullMarked
package dev.beanstalk.spring.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
