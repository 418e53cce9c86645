package dev.beanstalk.spring.event;

import java.io.Serial;

/** A container started its workers. */
public final class ListenerContainerStartedEvent extends BeanstalkListenerEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    public ListenerContainerStartedEvent(Object container, String containerId) {
        super(container, containerId);
    }
}
