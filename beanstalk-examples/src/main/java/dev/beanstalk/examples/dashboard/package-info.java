/** The dashboard page's example: restricting the dashboard to a role with Spring Security. */
@NullMarked
package dev.beanstalk.examples.dashboard;

import org.jspecify.annotations.NullMarked;
