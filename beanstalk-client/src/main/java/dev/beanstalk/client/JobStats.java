package dev.beanstalk.client;

import java.time.Duration;

/**
 * A job's {@code stats-job}: where it is, how it was put, and what happened to it so far. Times are whole seconds, as
 * the server reports them; {@code timeLeft} is zero unless the job is reserved or delayed, and {@code file} is the
 * binlog file holding the job (0 without a binlog).
 */
public record JobStats(
        long id,
        String tube,
        JobState state,
        long priority,
        Duration age,
        Duration delay,
        Duration ttr,
        Duration timeLeft,
        long file,
        long reserves,
        long timeouts,
        long releases,
        long buries,
        long kicks) {
}
