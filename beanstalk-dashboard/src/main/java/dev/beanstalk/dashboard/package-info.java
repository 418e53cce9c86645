/**
 * The beanstalkd dashboard of a Spring MVC application: its JSON API, its actions, the stats it samples and the
 * listener failures it remembers, all bounded in memory.
 */
@NullMarked
package dev.beanstalk.dashboard;

import org.jspecify.annotations.NullMarked;
