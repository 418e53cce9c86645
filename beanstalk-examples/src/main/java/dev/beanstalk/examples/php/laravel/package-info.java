/** The examples of docs/php-frameworks.md. */
@NullMarked
package dev.beanstalk.examples.php.laravel;

import org.jspecify.annotations.NullMarked;
