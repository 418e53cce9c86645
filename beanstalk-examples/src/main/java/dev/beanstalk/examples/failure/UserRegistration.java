package dev.beanstalk.examples.failure;

/** A registration whose welcome mail may fail. */
record UserRegistration(long id, String name) {}
