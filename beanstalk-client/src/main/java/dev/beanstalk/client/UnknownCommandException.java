package dev.beanstalk.client;

import java.io.Serial;

/** {@code UNKNOWN_COMMAND}: the server does not know the command, which happens with servers older than beanstalkd 1.12. */
public final class UnknownCommandException extends BeanstalkServerException {

    @Serial
    private static final long serialVersionUID = 1L;

    public UnknownCommandException(String message) {
        super("UNKNOWN_COMMAND", message);
    }
}
