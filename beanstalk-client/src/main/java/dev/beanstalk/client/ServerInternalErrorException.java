package dev.beanstalk.client;

import java.io.Serial;

/** {@code INTERNAL_ERROR}: a bug or failed binlog write in the server; the command may or may not have taken effect. */
public final class ServerInternalErrorException extends BeanstalkServerException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ServerInternalErrorException(String message) {
        super("INTERNAL_ERROR", message);
    }
}
