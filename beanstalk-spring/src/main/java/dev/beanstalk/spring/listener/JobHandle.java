package dev.beanstalk.spring.listener;

import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobStats;
import java.time.Duration;

/**
 * The job a listener is working on, to settle it by hand: declare it as a parameter of a {@code @BeanstalkListener}
 * method.
 *
 * <p>A job settled by hand (deleted, released or buried) is left alone when the method returns. Each job is settled
 * once: a second settling call throws {@link IllegalStateException}. Calls return false when the worker no longer holds
 * the job because its TTR ran out.
 */
public interface JobHandle {

    Job job();

    /** The tube the job was reserved from. */
    String tube();

    /** The job's statistics now, such as its {@code reserves} (this attempt's number) and priority. */
    JobStats stats();

    /** How many times the job has been reserved, this time included. */
    long attempt();

    /** Gives the job another full TTR. */
    boolean touch();

    /** Deletes the job now. */
    boolean delete();

    /** Puts the job back ready after {@code delay}, with its priority unchanged. */
    boolean release(Duration delay);

    /** Puts the job back ready after {@code delay} with {@code priority}. */
    boolean release(long priority, Duration delay);

    /** Buries the job with its priority unchanged, until it is kicked. */
    boolean bury();

    /** Buries the job with {@code priority}, until it is kicked. */
    boolean bury(long priority);
}
