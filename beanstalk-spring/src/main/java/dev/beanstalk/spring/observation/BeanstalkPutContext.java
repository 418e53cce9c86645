package dev.beanstalk.spring.observation;

import io.micrometer.observation.Observation;
import java.util.Objects;

/** What a {@code beanstalk.template} observation sees of one put: its tube, then the id of the job it made. */
public final class BeanstalkPutContext extends Observation.Context {

    private final String tube;
    private volatile long jobId = -1;
    private volatile boolean put;

    public BeanstalkPutContext(String tube) {
        this.tube = Objects.requireNonNull(tube, "tube");
    }

    public String getTube() {
        return tube;
    }

    /** Whether the server took the job; false while the put runs and when it failed. */
    public boolean isPut() {
        return put;
    }

    /** The id of the job the put made; meaningful only once {@link #isPut()}. */
    public long getJobId() {
        return jobId;
    }

    /** Records the id the server gave the job. */
    public void setJobId(long jobId) {
        this.jobId = jobId;
        this.put = true;
    }
}
