package dev.beanstalk.examples.failure;

/** The job put once a user's registration commits. */
record UserRegistered(long id, String name) {}
