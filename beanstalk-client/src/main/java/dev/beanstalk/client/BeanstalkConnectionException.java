package dev.beanstalk.client;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/** The connection could not be opened, broke, timed out or was closed; the outcome of a command in flight is unknown. */
public class BeanstalkConnectionException extends BeanstalkException {

    @Serial
    private static final long serialVersionUID = 1L;

    public BeanstalkConnectionException(String message) {
        super(message);
    }

    public BeanstalkConnectionException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
