/** Auto-configuration of the in-process beanstalkd of {@code beanstalk-embedded}. */
@NullMarked
package dev.beanstalk.spring.autoconfigure.embedded;

import org.jspecify.annotations.NullMarked;
