package dev.beanstalk.client;

import java.io.Serial;

/** {@code DRAINING}: the server is in drain mode (after SIGUSR1) and accepts no new jobs; reserve, delete and the rest still work. */
public final class DrainingException extends BeanstalkServerException {

    @Serial
    private static final long serialVersionUID = 1L;

    public DrainingException(String message) {
        super("DRAINING", message);
    }
}
