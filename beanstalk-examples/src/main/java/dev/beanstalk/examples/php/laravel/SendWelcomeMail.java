package dev.beanstalk.examples.php.laravel;

import dev.beanstalk.spring.php.PhpClass;

// tag::record[]
@PhpClass("App\\Jobs\\SendWelcomeMail")
record SendWelcomeMail(long id, String name) {}
// end::record[]
