package dev.beanstalk.client;

import java.io.Serial;

/** {@code BAD_FORMAT}: the server could not parse a command line. This client validates its input first, so this points at a server that differs from beanstalkd 1.12. */
public final class BadFormatException extends BeanstalkServerException {

    @Serial
    private static final long serialVersionUID = 1L;

    public BadFormatException(String message) {
        super("BAD_FORMAT", message);
    }
}
