package dev.beanstalk.client;

import java.io.Serial;

/** The server sent something the protocol does not allow here (an unknown reply, a malformed or oversized frame); the connection is closed. */
public final class BeanstalkProtocolException extends BeanstalkException {

    @Serial
    private static final long serialVersionUID = 1L;

    public BeanstalkProtocolException(String message) {
        super(message);
    }
}
