package dev.beanstalk.client;

import java.io.Serial;

/**
 * The calling thread was interrupted while it waited; its interrupt flag is set again and the connection stays open
 * for other callers. {@link #mayHaveReachedServer()} tells whether the command was written before the wait ended: if
 * so, it may have taken effect, and its reply is read and dropped.
 */
public final class BeanstalkInterruptedException extends BeanstalkException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean mayHaveReachedServer;

    public BeanstalkInterruptedException(String message, boolean mayHaveReachedServer) {
        super(message);
        this.mayHaveReachedServer = mayHaveReachedServer;
    }

    /** Whether the command was written, so that the server may have run it; false means it was never sent. */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }
}
