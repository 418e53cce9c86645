package dev.beanstalk.examples.php.symfony;

import dev.beanstalk.spring.php.PhpClass;

// tag::record[]
@PhpClass("App\\Message\\RegisterUser")
record RegisterUser(long id, String name) {}
// end::record[]
