package dev.beanstalk.spring.event;

import java.io.Serial;
import java.util.Objects;
import org.springframework.context.ApplicationEvent;

/**
 * Something that happened to a listener container; its source is the container, and {@link #getContainerId()} its id.
 * Events are published on the thread where they happen: a worker's, the one that started the container, or the
 * container's stop thread.
 */
public abstract class BeanstalkListenerEvent extends ApplicationEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String containerId;

    protected BeanstalkListenerEvent(Object container, String containerId) {
        super(container);
        this.containerId = Objects.requireNonNull(containerId, "containerId");
    }

    /** The id of the container, as {@code @BeanstalkListener(id)} or the bean and method name. */
    public String getContainerId() {
        return containerId;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + containerId + details() + "]";
    }

    /** What the event adds to its container id in {@link #toString()}. */
    protected String details() {
        return "";
    }
}
