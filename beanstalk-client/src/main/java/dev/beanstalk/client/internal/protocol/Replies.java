package dev.beanstalk.client.internal.protocol;

import dev.beanstalk.client.BadFormatException;
import dev.beanstalk.client.BeanstalkException;
import dev.beanstalk.client.BeanstalkProtocolException;
import dev.beanstalk.client.DrainingException;
import dev.beanstalk.client.ExpectedCrlfException;
import dev.beanstalk.client.JobTooBigException;
import dev.beanstalk.client.NotIgnoredException;
import dev.beanstalk.client.ServerInternalErrorException;
import dev.beanstalk.client.ServerOutOfMemoryException;
import dev.beanstalk.client.UnknownCommandException;
import dev.beanstalk.client.internal.codec.ReplyReader;
import java.nio.charset.StandardCharsets;

/** The reply words of beanstalkd, as bytes to compare lines against, and the exceptions of its error replies. */
final class Replies {

    static final byte[] INSERTED = ascii("INSERTED ");
    static final byte[] BURIED_ID = ascii("BURIED ");
    static final byte[] BURIED = ascii("BURIED");
    static final byte[] USING = ascii("USING ");
    static final byte[] RESERVED = ascii("RESERVED ");
    static final byte[] FOUND = ascii("FOUND ");
    static final byte[] OK = ascii("OK ");
    static final byte[] WATCHING = ascii("WATCHING ");
    static final byte[] KICKED_COUNT = ascii("KICKED ");
    static final byte[] KICKED = ascii("KICKED");
    static final byte[] DELETED = ascii("DELETED");
    static final byte[] RELEASED = ascii("RELEASED");
    static final byte[] TOUCHED = ascii("TOUCHED");
    static final byte[] PAUSED = ascii("PAUSED");
    static final byte[] NOT_FOUND = ascii("NOT_FOUND");
    static final byte[] TIMED_OUT = ascii("TIMED_OUT");
    static final byte[] DEADLINE_SOON = ascii("DEADLINE_SOON");

    private Replies() {
    }

    /** The exception for an error reply, or a protocol error when the reply is not one {@code command} can get. */
    static BeanstalkException error(ReplyReader reader, String command) {
        String line = reader.line();
        return switch (line) {
            case "BAD_FORMAT" -> new BadFormatException("the server could not parse the " + command + " command");
            case "UNKNOWN_COMMAND" -> new UnknownCommandException("the server does not know the " + command
                    + " command; this client needs beanstalkd 1.12 or later");
            case "OUT_OF_MEMORY" -> new ServerOutOfMemoryException("the server ran out of memory (or binlog space) on "
                    + command);
            case "INTERNAL_ERROR" -> new ServerInternalErrorException("the server failed internally on " + command);
            case "JOB_TOO_BIG" -> new JobTooBigException("the server's max-job-size is smaller than this job; raise"
                    + " beanstalkd's -z or lower the client's maxJobSize to match it");
            case "EXPECTED_CRLF" -> new ExpectedCrlfException("the server did not find CRLF after the job body");
            case "DRAINING" -> new DrainingException("the server is draining and accepts no new jobs");
            case "NOT_IGNORED" -> new NotIgnoredException("cannot ignore the only watched tube");
            default -> new BeanstalkProtocolException("unexpected reply " + Limits.quote(line) + " to " + command);
        };
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
