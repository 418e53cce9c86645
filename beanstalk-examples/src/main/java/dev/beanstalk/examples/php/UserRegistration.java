package dev.beanstalk.examples.php;

/** The registration a PHP producer writes with json_encode. */
record UserRegistration(long id, String name) {}
