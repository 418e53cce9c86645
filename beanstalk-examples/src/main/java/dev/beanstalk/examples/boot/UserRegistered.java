package dev.beanstalk.examples.boot;

// tag::payload[]
record UserRegistered(long id, String name) {}
// end::payload[]
