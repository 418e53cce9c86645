/** Auto-configuration of the beanstalkd dashboard of a Spring MVC application. */
@NullMarked
package dev.beanstalk.spring.autoconfigure.dashboard;

import org.jspecify.annotations.NullMarked;
