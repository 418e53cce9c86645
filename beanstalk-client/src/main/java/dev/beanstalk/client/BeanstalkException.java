package dev.beanstalk.client;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/** The root of every exception this client throws; unchecked, as a failed queue operation is rarely recoverable where it happens. */
public class BeanstalkException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public BeanstalkException(String message) {
        super(message);
    }

    public BeanstalkException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
