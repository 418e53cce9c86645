package dev.beanstalk.spring.event;

import java.io.Serial;

/** The first worker of a container lost the server; further failures are counted until the workers are back. */
public final class ListenerConnectionLostEvent extends BeanstalkListenerEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Throwable cause;

    public ListenerConnectionLostEvent(Object container, String containerId, Throwable cause) {
        super(container, containerId);
        this.cause = cause;
    }

    /** The failure that lost the connection. */
    public Throwable getCause() {
        return cause;
    }

    @Override
    protected String details() {
        return ", " + cause;
    }
}
