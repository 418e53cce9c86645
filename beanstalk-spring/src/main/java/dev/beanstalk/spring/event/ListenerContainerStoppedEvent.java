package dev.beanstalk.spring.event;

import java.io.Serial;

/** A container stopped: its workers have exited, or the stop gave up waiting for them. */
public final class ListenerContainerStoppedEvent extends BeanstalkListenerEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    public ListenerContainerStoppedEvent(Object container, String containerId) {
        super(container, containerId);
    }
}
