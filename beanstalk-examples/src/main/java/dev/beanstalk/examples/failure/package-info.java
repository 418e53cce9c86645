/** The examples of docs/failure-handling.md. */
@NullMarked
package dev.beanstalk.examples.failure;

import org.jspecify.annotations.NullMarked;
