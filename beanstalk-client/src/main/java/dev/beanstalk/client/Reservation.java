package dev.beanstalk.client;

import java.util.Objects;
import java.util.Optional;

/**
 * What a reserve returned: a {@link Reserved} job, {@link TimedOut} when no job became ready in time, or
 * {@link DeadlineSoon} when a job this connection holds is within a second of its TTR, which a worker answers by
 * touching, finishing or releasing that job.
 */
public sealed interface Reservation permits Reservation.Reserved, Reservation.TimedOut, Reservation.DeadlineSoon {

    Reservation TIMED_OUT = new TimedOut();
    Reservation DEADLINE_SOON = new DeadlineSoon();

    /** The reserved job, or empty for the other outcomes. */
    default Optional<Job> reservedJob() {
        return this instanceof Reserved reserved ? Optional.of(reserved.job()) : Optional.empty();
    }

    /** A job is now reserved by this connection until it is deleted, released, buried or its TTR runs out. */
    record Reserved(Job job) implements Reservation {
        public Reserved {
            Objects.requireNonNull(job, "job");
        }
    }

    /** No job became ready within the timeout (or the connection was half-closed). */
    record TimedOut() implements Reservation {
    }

    /** A job reserved by this connection reaches its TTR within a second, and no watched tube has a ready job. */
    record DeadlineSoon() implements Reservation {
    }
}
