package dev.beanstalk.client;

import java.io.Serial;

/** {@code OUT_OF_MEMORY}: the server could not allocate memory for the job or, with a binlog, could not reserve disk space for it. */
public final class ServerOutOfMemoryException extends BeanstalkServerException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ServerOutOfMemoryException(String message) {
        super("OUT_OF_MEMORY", message);
    }
}
