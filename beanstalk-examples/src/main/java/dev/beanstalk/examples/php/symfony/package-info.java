/** The examples of docs/php-frameworks.md. */
@NullMarked
package dev.beanstalk.examples.php.symfony;

import org.jspecify.annotations.NullMarked;
