package dev.beanstalk.examples.php.laravel;

import dev.beanstalk.spring.php.PhpClass;

/** A Laravel job that closes a user's account. */
@PhpClass("App\\Jobs\\CloseAccount")
record CloseAccount(long id) {}
