package dev.beanstalk.spring.listener;

import dev.beanstalk.spring.core.JobConverter;
import java.util.List;
import java.util.Objects;

/** An endpoint for a {@link JobListener} written by hand, for registering listeners programmatically. */
public final class SimpleBeanstalkListenerEndpoint extends AbstractBeanstalkListenerEndpoint {

    private final JobListener listener;

    public SimpleBeanstalkListenerEndpoint(String id, List<String> tubes, JobListener listener) {
        setId(id);
        setTubes(tubes);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public JobListener createListener(JobConverter converter) {
        return listener;
    }
}
