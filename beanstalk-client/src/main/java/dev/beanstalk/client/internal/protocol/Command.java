package dev.beanstalk.client.internal.protocol;

import dev.beanstalk.client.internal.codec.ByteSink;
import dev.beanstalk.client.internal.codec.ReplyReader;
import java.io.IOException;

/**
 * One command, validated and ready to encode, with the decoder of its reply.
 *
 * <p>Commands are built by {@link Commands}, which checks every argument, so that encoding cannot fail.
 */
public final class Command<T> {

    /** Writes the command's bytes. */
    @FunctionalInterface
    interface Encoder {
        void encode(ByteSink sink);
    }

    /** Reads the command's reply once its first line is read; throws the server's error replies as exceptions. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(ReplyReader reader, ReplyLimits limits) throws IOException;
    }

    /** The reply bounds of a connection, handed to decoders. */
    public record ReplyLimits(int maxJobSize, int maxYamlSize) {
    }

    /** A blocking command with no time limit of its own: its reply is awaited without a read timeout. */
    public static final long NO_TIMEOUT = -1;

    private final CommandType type;
    private final String tube;
    private final Encoder encoder;
    private final Decoder<T> decoder;
    private final long waitMillis;

    Command(CommandType type, String tube, long waitMillis, Encoder encoder, Decoder<T> decoder) {
        this.type = type;
        this.tube = tube;
        this.waitMillis = waitMillis;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    public CommandType type() {
        return type;
    }

    /** The tube a {@code use} switches to, or null for other commands. */
    public String usedTube() {
        return type == CommandType.USE ? tube : null;
    }

    public void encode(ByteSink sink) {
        encoder.encode(sink);
    }

    public T decode(ReplyReader reader, ReplyLimits limits) throws IOException {
        return decoder.decode(reader, limits);
    }

    /** Whether a body follows the command line, so that a parse error on the server would run the body as commands. */
    public boolean hasBody() {
        return type == CommandType.PUT;
    }

    /** The read timeout for this command's reply: the connection's own, plus the time the server may wait, or 0 for none. */
    public int readTimeoutMillis(int connectionTimeoutMillis) {
        if (waitMillis == NO_TIMEOUT || connectionTimeoutMillis == 0) {
            return 0;
        }
        long total = connectionTimeoutMillis + waitMillis;
        return total > Integer.MAX_VALUE ? 0 : (int) total;
    }

    @Override
    public String toString() {
        return type.wireName();
    }
}
