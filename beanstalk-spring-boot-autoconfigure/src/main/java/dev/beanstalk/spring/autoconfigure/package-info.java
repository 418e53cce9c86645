/** Spring Boot auto-configuration of beanstalkd: properties, connection details, client, template and listeners. */
@NullMarked
package dev.beanstalk.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
