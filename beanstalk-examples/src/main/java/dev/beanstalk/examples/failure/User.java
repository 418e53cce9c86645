package dev.beanstalk.examples.failure;

/** A user the application stores. */
record User(long id, String name) {}
