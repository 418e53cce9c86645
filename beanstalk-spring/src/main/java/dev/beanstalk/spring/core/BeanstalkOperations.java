package dev.beanstalk.spring.core;

import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.JobState;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeMaintenance;
import dev.beanstalk.client.TubeStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * What an application does with beanstalkd besides working on jobs: putting them, and the maintenance commands a
 * Pheanstalk user knows.
 *
 * <p>Payloads become job bodies through a {@link JobConverter}: JSON by default, {@code String} and {@code byte[]} as
 * they are. A body larger than the maximum job size fails with {@link IllegalArgumentException} before anything is
 * sent. Expected outcomes (no such job, no such tube) are empty results or {@code false}.
 */
public interface BeanstalkOperations {

    /** Puts {@code payload} into the default tube with the default options and returns the job id. */
    long put(Object payload);

    /** Puts {@code payload} into {@code tube} with the default options and returns the job id. */
    long put(String tube, Object payload);

    /** Puts {@code payload} into {@code tube} with these options and returns the job id. */
    long put(String tube, Object payload, JobOptions options);

    /** Puts {@code payload} into {@code tube}, ready after {@code delay} (whole seconds, rounded up). */
    long putWithDelay(String tube, Object payload, Duration delay);

    /** Puts {@code payload} into {@code tube}, ready at {@code time}; a time in the past makes it ready now. */
    long putAt(String tube, Object payload, Instant time);

    /**
     * Puts {@code payload} into {@code tube} once the surrounding transaction commits, or now when no transaction
     * synchronization is active; the future completes with the job id, or is cancelled when the transaction rolls
     * back. The payload is converted at once, so a conversion or size failure throws here, before the commit. A put
     * that fails after the commit does not reach the committing caller: it is logged at ERROR, counted by
     * {@link dev.beanstalk.spring.metrics.BeanstalkMetrics#putAfterCommitFailed(String)} and completes the future
     * exceptionally. Without a transaction a failed put throws, as {@link #put(String, Object, JobOptions)} does.
     */
    CompletableFuture<Long> putAfterCommit(String tube, Object payload, JobOptions options);

    /** As {@link #putAfterCommit(String, Object, JobOptions)}, with the default options. */
    CompletableFuture<Long> putAfterCommit(String tube, Object payload);

    /**
     * These operations with payloads written by {@code converter} instead, such as a
     * {@link dev.beanstalk.spring.php.LaravelJobConverter} to queue jobs a Laravel worker runs; same client, tube
     * and options.
     */
    BeanstalkOperations withConverter(JobConverter converter);

    /** The default options of this template's puts. */
    JobOptions defaultOptions();

    /** The tube {@link #put(Object)} goes to. */
    String defaultTube();

    /** Reads a job's body as {@code type}, with this template's converter. */
    <T> @Nullable T convert(Job job, Class<T> type);

    /** The server's statistics; in a fleet, summed over every server, failing if any is down. */
    ServerStats stats();

    /** The servers of the client's fleet, in list order; one for a client of one server. */
    List<ServerAddress> servers();

    /** The statistics of the server at this index of {@link #servers()}, failing only if that server does. */
    ServerStats stats(int server);

    /** Every existing tube, in no particular order. */
    List<String> listTubes();

    /** The tube's statistics, or empty if the tube does not exist. */
    Optional<TubeStats> statsTube(String tube);

    /** The job's statistics, or empty if there is no such job. */
    Optional<JobStats> statsJob(long id);

    /** The job with this id in any tube and state, or empty. */
    Optional<Job> peek(long id);

    /** The next ready job of {@code tube}, or empty. */
    Optional<Job> peekReady(String tube);

    /** The delayed job of {@code tube} that becomes ready soonest, or empty. */
    Optional<Job> peekDelayed(String tube);

    /** The oldest buried job of {@code tube}, or empty. */
    Optional<Job> peekBuried(String tube);

    /** Kicks up to {@code bound} jobs of {@code tube}: buried ones if it has any, else delayed ones; returns how many. */
    long kick(String tube, long bound);

    /** Makes a buried or delayed job ready; false if the job is in neither state. */
    boolean kickJob(long id);

    /** Deletes a job that is ready, delayed or buried; false if there is none or a worker holds it. */
    boolean delete(long id);

    /** Keeps workers from taking jobs of {@code tube} for {@code pause}; false if the tube does not exist. */
    boolean pauseTube(String tube, Duration pause);

    /** Ends a pause of {@code tube} now; false if the tube does not exist. */
    boolean resumeTube(String tube);

    /**
     * Deletes the jobs of {@code tube} in {@code state} (ready, delayed or buried) and returns how many; jobs workers
     * reserve meanwhile are theirs. See {@link TubeMaintenance}.
     */
    long clearTube(String tube, JobState state);

    /** Moves the buried jobs of {@code from} into {@code to}, ready, and returns how many. See {@link TubeMaintenance}. */
    long moveBuried(String from, String to);
}
