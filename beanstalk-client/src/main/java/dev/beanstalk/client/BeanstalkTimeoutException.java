package dev.beanstalk.client;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/** The server did not answer within the read timeout; the connection is closed, since a late reply would desynchronise it. */
public final class BeanstalkTimeoutException extends BeanstalkConnectionException {

    @Serial
    private static final long serialVersionUID = 1L;

    public BeanstalkTimeoutException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
