/** Auto-configuration of the Micrometer meters. */
@NullMarked
package dev.beanstalk.spring.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
