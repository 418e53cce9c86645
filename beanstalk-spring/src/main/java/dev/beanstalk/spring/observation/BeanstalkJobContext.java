package dev.beanstalk.spring.observation;

import dev.beanstalk.client.Job;
import io.micrometer.observation.Observation;
import java.util.Objects;

/** What a {@code beanstalk.listener} observation sees of one job: the listener, the job's tube and the job. */
public final class BeanstalkJobContext extends Observation.Context {

    private final String listenerId;
    private final String tube;
    private final Job job;

    public BeanstalkJobContext(String listenerId, String tube, Job job) {
        this.listenerId = Objects.requireNonNull(listenerId, "listenerId");
        this.tube = Objects.requireNonNull(tube, "tube");
        this.job = Objects.requireNonNull(job, "job");
    }

    public String getListenerId() {
        return listenerId;
    }

    /** The tube the job was reserved from. */
    public String getTube() {
        return tube;
    }

    public Job getJob() {
        return job;
    }
}
