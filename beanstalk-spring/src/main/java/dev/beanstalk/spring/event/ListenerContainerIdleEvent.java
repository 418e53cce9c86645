package dev.beanstalk.spring.event;

import java.io.Serial;
import java.time.Duration;

/**
 * A container received no job for its idle-event interval; published again after each further interval without a
 * job. It is checked whenever a worker's reserve times out, so it comes up to one reserve timeout late.
 */
public final class ListenerContainerIdleEvent extends BeanstalkListenerEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Duration idleTime;

    public ListenerContainerIdleEvent(Object container, String containerId, Duration idleTime) {
        super(container, containerId);
        this.idleTime = idleTime;
    }

    /** How long the container has been without a job. */
    public Duration getIdleTime() {
        return idleTime;
    }

    @Override
    protected String details() {
        return ", idle " + idleTime;
    }
}
