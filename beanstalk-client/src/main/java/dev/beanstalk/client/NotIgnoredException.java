package dev.beanstalk.client;

import java.io.Serial;

/** {@code NOT_IGNORED}: the tube is the connection's last watched tube, and a connection always watches at least one. */
public final class NotIgnoredException extends BeanstalkServerException {

    @Serial
    private static final long serialVersionUID = 1L;

    public NotIgnoredException(String message) {
        super("NOT_IGNORED", message);
    }
}
