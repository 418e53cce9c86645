package dev.beanstalk.client;

import java.io.Serial;

/** {@code EXPECTED_CRLF}: the job body was not followed by CRLF; the job was discarded. */
public final class ExpectedCrlfException extends BeanstalkServerException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ExpectedCrlfException(String message) {
        super("EXPECTED_CRLF", message);
    }
}
