package dev.beanstalk.client;

import java.io.Serial;

/**
 * The {@code use} sent to select a command's tube failed, so the server ran the command in another tube; the command
 * fails with this exception, and the connection sends {@code use} again before its next command for that tube. A job
 * that a put inserted into the wrong tube is deleted again.
 */
public final class UseFailedException extends BeanstalkServerException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String tube;

    public UseFailedException(String tube, String reply, String message) {
        super(reply, message);
        this.tube = tube;
    }

    /** The tube the command was meant for. */
    public String tube() {
        return tube;
    }
}
