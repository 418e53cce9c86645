package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.BeanstalkException;
import dev.beanstalk.client.BeanstalkProtocolException;
import dev.beanstalk.client.BeanstalkServerException;
import dev.beanstalk.client.UseFailedException;
import dev.beanstalk.client.internal.codec.ReplyReader;
import dev.beanstalk.client.internal.protocol.Command;
import dev.beanstalk.client.internal.protocol.CommandType;
import dev.beanstalk.client.internal.protocol.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntPredicate;

/**
 * The read side of a {@link ProtocolConnection}, used by whoever holds its read lock. A reply's command is taken off
 * the queue before its reply is read, so no other thread can complete it, and the reply's deadline ends with the
 * reply, error or not. It follows the server's idea of the used tube: a command bound to a tube that a failed
 * {@code use} did not select fails, and a job put into the wrong tube that way is deleted again.
 */
final class ReplyReading {

    private final ProtocolConnection connection;
    private final ReplyReader reader;
    private final Command.ReplyLimits limits;
    private volatile Pending<?> current;
    private volatile String confirmedTube = "default";
    private volatile BeanstalkServerException useFailure;

    ReplyReading(ProtocolConnection connection, InputStream in, Command.ReplyLimits limits) {
        this.connection = connection;
        this.reader = new ReplyReader(in, 64 * 1024);
        this.limits = limits;
    }

    /** The command whose reply is being read, for the deadline sweeper. */
    Pending<?> current() {
        return current;
    }

    String confirmedTube() {
        return confirmedTube;
    }

    /**
     * Reads replies while some are due: until {@code awaited} is complete (or its thread interrupted), or until
     * {@code room} holds for {@code n}, or, with neither, until none is due; then those already buffered.
     */
    void readUntil(Pending<?> awaited, IntPredicate room, int n) {
        while (connection.failure() == null) {
            if (awaited != null && (awaited.isDone() || Thread.currentThread().isInterrupted())) {
                break;
            }
            if (room != null && room.test(n)) {
                break;
            }
            if (!readOne()) {
                break;
            }
        }
        while (connection.failure() == null && !connection.pending.isEmpty() && reader.hasBufferedLine()) {
            readOne();
        }
    }

    /** Reads the reply of the next command due; false if none is due. */
    @SuppressWarnings("unchecked")
    private boolean readOne() {
        Pending<Object> head = (Pending<Object>) connection.pending.poll();
        if (head == null) {
            return false;
        }
        current = head;
        Object value;
        try {
            reader.nextLine();
            value = head.command.decode(reader, limits);
        } catch (BeanstalkServerException e) {
            current = null;
            refused(head, e);
            return true;
        } catch (IOException | RuntimeException e) {
            current = null;
            broken(head, failure(head, e));
            return true;
        }
        current = null;
        answered(head, value);
        connection.closeIfRetired();
        return true;
    }

    private void answered(Pending<Object> head, Object value) {
        if (head.command.type() == CommandType.USE) {
            confirmedTube = (String) value;
        }
        if (head.tube != null && !head.tube.equals(confirmedTube)) {
            misrouted(head, value);
            return;
        }
        head.succeed(value);
    }

    private void refused(Pending<?> head, BeanstalkServerException e) {
        if (head.command.type() == CommandType.USE) {
            useFailure = e;
            connection.writerTubeInDoubt();
        }
        if (Commands.desynchronises(head.command, e)) {
            connection.fail(new BeanstalkProtocolException("the server rejected a " + head.command + " command line ("
                    + e.reply() + ") and read its body as commands; the connection was closed"));
        }
        head.fail(e);
        connection.closeIfRetired();
    }

    private BeanstalkException failure(Pending<?> head, Exception e) {
        if (e instanceof BeanstalkException known) {
            return known;
        }
        if (e instanceof IOException) {
            return new BeanstalkConnectionException("connection to " + connection.description()
                    + " failed while reading the reply to " + head.command + ": " + e.getMessage(), e);
        }
        return new BeanstalkProtocolException("could not read the reply to " + head.command + ": " + e);
    }

    private void broken(Pending<?> head, BeanstalkException error) {
        connection.fail(error);
        head.fail(connection.failure());
    }

    /** A command ran in another tube than its own, as the {@code use} before it failed. */
    private void misrouted(Pending<?> head, Object value) {
        BeanstalkServerException cause = useFailure;
        String reply = cause == null ? "no USING reply" : cause.reply();
        String undo = "";
        if (head.command.type() == CommandType.PUT && value instanceof Long id) {
            try {
                connection.submitInternal(new Pending<>(null, Commands.delete(id)));
                undo = "; job " + Long.toUnsignedString(id) + ", which it put there, is deleted again";
            } catch (BeanstalkException e) {
                undo = "; job " + Long.toUnsignedString(id) + " was put there (" + e.getMessage() + ")";
            }
        }
        head.fail(new UseFailedException(head.tube, reply, "the server refused to use tube '" + head.tube + "' ("
                + reply + "), so it ran " + head.command + " in tube '" + confirmedTube + "'" + undo));
    }
}
