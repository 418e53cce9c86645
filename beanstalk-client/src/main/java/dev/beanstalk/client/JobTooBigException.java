package dev.beanstalk.client;

import java.io.Serial;

/** {@code JOB_TOO_BIG}: the body is larger than the server's {@code max-job-size}, which is smaller than this client's configured maximum. */
public final class JobTooBigException extends BeanstalkServerException {

    @Serial
    private static final long serialVersionUID = 1L;

    public JobTooBigException(String message) {
        super("JOB_TOO_BIG", message);
    }
}
