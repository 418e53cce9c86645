package dev.beanstalk.examples.php.laravel;

import dev.beanstalk.spring.php.PhpClass;

// tag::record[]
@PhpClass("App\\Jobs\\RegisterUser")
public record RegisterUser(long id, String name) {}
// end::record[]
