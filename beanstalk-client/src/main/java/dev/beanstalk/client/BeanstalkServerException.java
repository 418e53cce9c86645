package dev.beanstalk.client;

import java.io.Serial;

/**
 * The server answered a command with an error reply; {@link #reply()} is the reply line, such as {@code BAD_FORMAT}.
 *
 * <p>Each error reply has its own subclass. The connection stays usable unless the subclass says otherwise.
 */
public abstract class BeanstalkServerException extends BeanstalkException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String reply;

    protected BeanstalkServerException(String reply, String message) {
        super(message);
        this.reply = reply;
    }

    /** The server's reply line, without its CRLF. */
    public String reply() {
        return reply;
    }
}
