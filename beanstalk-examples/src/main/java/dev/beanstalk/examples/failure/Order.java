package dev.beanstalk.examples.failure;

/** An order a listener handles. */
record Order(long id, long quantity) {}
