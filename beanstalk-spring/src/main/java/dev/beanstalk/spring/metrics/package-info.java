/** Micrometer meters of puts, handled jobs and reconnects. */
@NullMarked
package dev.beanstalk.spring.metrics;

import org.jspecify.annotations.NullMarked;
