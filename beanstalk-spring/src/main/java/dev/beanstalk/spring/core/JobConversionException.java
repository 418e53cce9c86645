package dev.beanstalk.spring.core;

import java.io.Serial;

/** A payload could not be written as a job body, or a job body could not be read as the declared payload type. */
public class JobConversionException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public JobConversionException(String message, Throwable cause) {
        super(message, cause);
    }

    public JobConversionException(String message) {
        super(message);
    }
}
