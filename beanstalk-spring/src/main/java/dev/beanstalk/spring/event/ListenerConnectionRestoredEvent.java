package dev.beanstalk.spring.event;

import java.io.Serial;

/** Every worker of a container that had lost the server is connected again. */
public final class ListenerConnectionRestoredEvent extends BeanstalkListenerEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long failures;

    public ListenerConnectionRestoredEvent(Object container, String containerId, long failures) {
        super(container, containerId);
        this.failures = failures;
    }

    /** How many connection attempts of the container's workers failed while the server was away. */
    public long getFailures() {
        return failures;
    }

    @Override
    protected String details() {
        return ", after " + failures + " failures";
    }
}
