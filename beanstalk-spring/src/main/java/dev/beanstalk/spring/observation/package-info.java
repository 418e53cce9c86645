/** Micrometer Observation for the template and the listener containers: contexts and replaceable conventions. */
@NullMarked
package dev.beanstalk.spring.observation;

import org.jspecify.annotations.NullMarked;
