package dev.beanstalk.embedded.internal.server;

/** Wall-clock nanoseconds (as beanstalkd's binlog stores them), read from the monotonic clock so deadlines never jump. */
final class Clock {

    private final long offset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

    long now() {
        return System.nanoTime() + offset;
    }
}
