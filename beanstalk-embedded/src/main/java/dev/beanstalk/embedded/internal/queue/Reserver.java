package dev.beanstalk.embedded.internal.queue;

/** A connection that can hold reservations and wait for jobs; implemented by the server's client state. */
public interface Reserver {
}
