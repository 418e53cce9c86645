package dev.beanstalk.embedded.internal.server;

import dev.beanstalk.embedded.internal.protocol.Op;

/** The server-wide counters that {@code stats} reports. */
final class Counters {

    private final long[] commands = new long[Op.values().length];
    long urgent;
    long ready;
    long reserved;
    long buried;
    long jobTimeouts;
    long totalJobs;
    long currentConnections;
    long currentProducers;
    long currentWorkers;
    long waiting;
    long totalConnections;

    void count(Op op) {
        commands[op.ordinal()]++;
    }

    long commands(Op op) {
        return commands[op.ordinal()];
    }
}
