package dev.beanstalk.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Clears a tube's jobs of one state and moves its buried jobs to another tube: operations beanstalkd has no command
 * for, made of peeks, deletes and reserves by id, safe while workers take jobs from the same tube.
 *
 * <p>A clear deletes the jobs that are in that state when it runs; a job a worker reserves first is the worker's and is
 * skipped. Each operation handles at most as many jobs as the tube held in that state when it began, so producers
 * putting meanwhile cannot keep it running. A move reserves each buried job by id on a dedicated connection before
 * copying it, so no worker can take it half-moved: the copy keeps the body, priority and TTR, and the original is
 * deleted only after the copy is put; if the put fails the original is buried again.
 */
public final class TubeMaintenance {

    private final BeanstalkClient client;

    public TubeMaintenance(BeanstalkClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Deletes the ready jobs of {@code tube} and returns how many; zero if the tube does not exist. */
    public long clearReady(String tube) {
        return clear(tube, TubeStats::currentJobsReady, client::peekReady);
    }

    /** Deletes the delayed jobs of {@code tube} and returns how many; zero if the tube does not exist. */
    public long clearDelayed(String tube) {
        return clear(tube, TubeStats::currentJobsDelayed, client::peekDelayed);
    }

    /** Deletes the buried jobs of {@code tube} and returns how many; zero if the tube does not exist. */
    public long clearBuried(String tube) {
        return clear(tube, TubeStats::currentJobsBuried, client::peekBuried);
    }

    /** Deletes the jobs of {@code tube} in {@code state} (ready, delayed or buried) and returns how many. */
    public long clear(String tube, JobState state) {
        return switch (state) {
            case READY -> clearReady(tube);
            case DELAYED -> clearDelayed(tube);
            case BURIED -> clearBuried(tube);
            case RESERVED -> throw new IllegalArgumentException(
                    "reserved jobs belong to their workers and cannot be cleared from tube " + tube);
        };
    }

    /**
     * Moves the buried jobs of {@code from} into {@code to}, ready, and returns how many; zero if {@code from} does not
     * exist.
     */
    public long moveBuried(String from, String to) {
        TubeNames.requireValid(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("cannot move the buried jobs of tube " + from + " into itself");
        }
        long bound = count(from, TubeStats::currentJobsBuried);
        long moved = 0;
        try (BeanstalkConnection connection = client.openConnection()) {
            connection.use(to);
            for (long seen = 0; seen < bound; seen++) {
                Optional<Job> next = client.peekBuried(from);
                if (next.isEmpty()) {
                    break;
                }
                if (move(connection, next.get().id())) {
                    moved++;
                }
            }
        }
        return moved;
    }

    private boolean move(BeanstalkConnection connection, long id) {
        Optional<Job> job = connection.reserveJob(id);
        if (job.isEmpty()) {
            return false;
        }
        JobStats original = connection.statsJob(id).orElseThrow();
        try {
            connection.put(job.get().body(), new JobOptions(original.priority(), Duration.ZERO, original.ttr()));
        } catch (RuntimeException e) {
            connection.bury(id, original.priority());
            throw e;
        }
        return connection.delete(id);
    }

    private long clear(String tube, Function<TubeStats, Long> count, Function<String, Optional<Job>> peek) {
        long bound = count(tube, count);
        long deleted = 0;
        for (long seen = 0; seen < bound; seen++) {
            Optional<Job> next = peek.apply(tube);
            if (next.isEmpty()) {
                break;
            }
            if (client.delete(next.get().id())) {
                deleted++;
            }
        }
        return deleted;
    }

    private long count(String tube, Function<TubeStats, Long> count) {
        return client.statsTube(tube).map(count).orElse(0L);
    }
}
