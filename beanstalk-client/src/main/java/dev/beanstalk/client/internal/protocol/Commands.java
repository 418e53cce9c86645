package dev.beanstalk.client.internal.protocol;

import dev.beanstalk.client.BeanstalkServerException;
import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobBuriedException;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.Reservation;
import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.client.internal.codec.ReplyReader;
import dev.beanstalk.client.internal.protocol.Command.Decoder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds every beanstalkd command from validated arguments; an invalid argument throws
 * {@link IllegalArgumentException} here, before anything is written.
 */
public final class Commands {

    private static final Decoder<Boolean> DELETED = flag(Replies.DELETED, "delete");
    private static final Decoder<Boolean> TOUCHED = flag(Replies.TOUCHED, "touch");
    private static final Decoder<Boolean> KICKED = flag(Replies.KICKED, "kick-job");
    private static final Decoder<Boolean> BURIED = flag(Replies.BURIED, "bury");
    private static final Decoder<Boolean> PAUSED = flag(Replies.PAUSED, "pause-tube");
    private static final Decoder<Optional<Job>> FOUND = Commands::found;
    private static final Decoder<Reservation> RESERVATION = Commands::reservation;

    private Commands() {
    }

    public static Command<Long> put(byte[] body, JobOptions options, int maxJobSize) {
        Limits.body(body, maxJobSize);
        Limits.notNull("options", options);
        long delay = options.delaySeconds();
        long ttr = options.ttrSeconds();
        return new Command<>(CommandType.PUT, null, 0, sink -> sink.write(CommandType.PUT.bytes())
                .writeUnsigned(options.priority()).space().writeUnsigned(delay).space().writeUnsigned(ttr).space()
                .writeUnsigned(body.length).crlf().write(body).crlf(), Commands::inserted);
    }

    public static Command<String> use(String tube) {
        return new Command<>(CommandType.USE, Limits.tube(tube), 0, sink -> sink.write(CommandType.USE.bytes())
                .writeAscii(tube).crlf(), (reader, limits) -> using(reader, "use"));
    }

    public static Command<Reservation> reserve() {
        return new Command<>(CommandType.RESERVE, null, Command.NO_TIMEOUT,
                sink -> sink.write(CommandType.RESERVE.bytes()), RESERVATION);
    }

    public static Command<Reservation> reserveWithTimeout(Duration timeout) {
        long seconds = Limits.seconds("reserve timeout", timeout, Limits.MAX_RESERVE_TIMEOUT_SECONDS);
        return new Command<>(CommandType.RESERVE_WITH_TIMEOUT, null, seconds * 1000,
                sink -> sink.write(CommandType.RESERVE_WITH_TIMEOUT.bytes()).writeUnsigned(seconds).crlf(), RESERVATION);
    }

    public static Command<Optional<Job>> reserveJob(long id) {
        return withId(CommandType.RESERVE_JOB, id, (reader, limits) -> {
            if (reader.lineIs(Replies.NOT_FOUND)) {
                return Optional.empty();
            }
            if (reader.lineStartsWith(Replies.RESERVED)) {
                return Optional.of(job(reader, Replies.RESERVED.length, limits));
            }
            throw Replies.error(reader, "reserve-job");
        });
    }

    public static Command<Boolean> delete(long id) {
        return withId(CommandType.DELETE, id, DELETED);
    }

    public static Command<Boolean> release(long id, long priority, Duration delay) {
        Limits.jobId(id);
        Limits.u32("priority", priority);
        long seconds = Limits.seconds("delay", delay, Limits.MAX_U32);
        return new Command<>(CommandType.RELEASE, null, 0, sink -> sink.write(CommandType.RELEASE.bytes())
                .writeUnsigned(id).space().writeUnsigned(priority).space().writeUnsigned(seconds).crlf(), (reader, limits) -> {
                    if (reader.lineIs(Replies.RELEASED)) {
                        return true;
                    }
                    if (reader.lineIs(Replies.NOT_FOUND)) {
                        return false;
                    }
                    if (reader.lineIs(Replies.BURIED)) {
                        throw new JobBuriedException(id, "the server buried job " + Long.toUnsignedString(id)
                                + " instead of releasing it: it is out of memory");
                    }
                    throw Replies.error(reader, "release");
                });
    }

    public static Command<Boolean> bury(long id, long priority) {
        Limits.jobId(id);
        Limits.u32("priority", priority);
        return new Command<>(CommandType.BURY, null, 0, sink -> sink.write(CommandType.BURY.bytes())
                .writeUnsigned(id).space().writeUnsigned(priority).crlf(), BURIED);
    }

    public static Command<Boolean> touch(long id) {
        return withId(CommandType.TOUCH, id, TOUCHED);
    }

    public static Command<Integer> watch(String tube) {
        return withTube(CommandType.WATCH, tube, Commands::watching);
    }

    public static Command<Integer> ignore(String tube) {
        return withTube(CommandType.IGNORE, tube, Commands::watching);
    }

    public static Command<Optional<Job>> peek(long id) {
        return withId(CommandType.PEEK, id, FOUND);
    }

    public static Command<Optional<Job>> peekReady() {
        return bare(CommandType.PEEK_READY, FOUND);
    }

    public static Command<Optional<Job>> peekDelayed() {
        return bare(CommandType.PEEK_DELAYED, FOUND);
    }

    public static Command<Optional<Job>> peekBuried() {
        return bare(CommandType.PEEK_BURIED, FOUND);
    }

    public static Command<Long> kick(long bound) {
        Limits.u32("kick bound", bound);
        return new Command<>(CommandType.KICK, null, 0, sink -> sink.write(CommandType.KICK.bytes())
                .writeUnsigned(bound).crlf(), (reader, limits) -> {
                    if (reader.lineStartsWith(Replies.KICKED_COUNT)) {
                        return number(reader, Replies.KICKED_COUNT.length);
                    }
                    throw Replies.error(reader, "kick");
                });
    }

    public static Command<Boolean> kickJob(long id) {
        return withId(CommandType.KICK_JOB, id, KICKED);
    }

    public static Command<Optional<JobStats>> statsJob(long id) {
        return withId(CommandType.STATS_JOB, id, (reader, limits) -> optionalYaml(reader, limits, "stats-job")
                .map(Stats::job));
    }

    public static Command<Optional<TubeStats>> statsTube(String tube) {
        return withTube(CommandType.STATS_TUBE, tube, (reader, limits) -> optionalYaml(reader, limits, "stats-tube")
                .map(Stats::tube));
    }

    public static Command<ServerStats> stats() {
        return bare(CommandType.STATS, (reader, limits) -> Stats.server(yaml(reader, limits, "stats")));
    }

    public static Command<List<String>> listTubes() {
        return bare(CommandType.LIST_TUBES, (reader, limits) -> Yaml.list(yaml(reader, limits, "list-tubes")));
    }

    public static Command<List<String>> listTubesWatched() {
        return bare(CommandType.LIST_TUBES_WATCHED, (reader, limits) -> Yaml.list(yaml(reader, limits,
                "list-tubes-watched")));
    }

    public static Command<String> listTubeUsed() {
        return bare(CommandType.LIST_TUBE_USED, (reader, limits) -> using(reader, "list-tube-used"));
    }

    public static Command<Boolean> pauseTube(String tube, Duration pause) {
        Limits.tube(tube);
        long seconds = Limits.seconds("pause", pause, Limits.MAX_U32);
        return new Command<>(CommandType.PAUSE_TUBE, null, 0, sink -> sink.write(CommandType.PAUSE_TUBE.bytes())
                .writeAscii(tube).space().writeUnsigned(seconds).crlf(), PAUSED);
    }

    /** {@code quit} has no reply: the server closes the connection. */
    public static Command<Void> quit() {
        return bare(CommandType.QUIT, (reader, limits) -> {
            throw Replies.error(reader, "quit");
        });
    }

    private static <T> Command<T> bare(CommandType type, Decoder<T> decoder) {
        return new Command<>(type, null, 0, sink -> sink.write(type.bytes()), decoder);
    }

    private static <T> Command<T> withId(CommandType type, long id, Decoder<T> decoder) {
        Limits.jobId(id);
        return new Command<>(type, null, 0, sink -> sink.write(type.bytes()).writeUnsigned(id).crlf(), decoder);
    }

    private static <T> Command<T> withTube(CommandType type, String tube, Decoder<T> decoder) {
        Limits.tube(tube);
        return new Command<>(type, null, 0, sink -> sink.write(type.bytes()).writeAscii(tube).crlf(), decoder);
    }

    private static Decoder<Boolean> flag(byte[] success, String command) {
        return (reader, limits) -> {
            if (reader.lineIs(success)) {
                return true;
            }
            if (reader.lineIs(Replies.NOT_FOUND)) {
                return false;
            }
            throw Replies.error(reader, command);
        };
    }

    private static Long inserted(ReplyReader reader, Command.ReplyLimits limits) {
        if (reader.lineStartsWith(Replies.INSERTED)) {
            return number(reader, Replies.INSERTED.length);
        }
        if (reader.lineStartsWith(Replies.BURIED_ID)) {
            long id = number(reader, Replies.BURIED_ID.length);
            throw new JobBuriedException(id, "the server buried new job " + Long.toUnsignedString(id)
                    + " instead of queueing it: it is out of memory");
        }
        throw Replies.error(reader, "put");
    }

    private static String using(ReplyReader reader, String command) {
        if (reader.lineStartsWith(Replies.USING)) {
            return reader.lineFrom(Replies.USING.length);
        }
        throw Replies.error(reader, command);
    }

    private static Integer watching(ReplyReader reader, Command.ReplyLimits limits) {
        if (reader.lineStartsWith(Replies.WATCHING)) {
            return (int) number(reader, Replies.WATCHING.length);
        }
        throw Replies.error(reader, "watch/ignore");
    }

    private static Reservation reservation(ReplyReader reader, Command.ReplyLimits limits) throws IOException {
        if (reader.lineStartsWith(Replies.RESERVED)) {
            return new Reservation.Reserved(job(reader, Replies.RESERVED.length, limits));
        }
        if (reader.lineIs(Replies.TIMED_OUT)) {
            return Reservation.TIMED_OUT;
        }
        if (reader.lineIs(Replies.DEADLINE_SOON)) {
            return Reservation.DEADLINE_SOON;
        }
        throw Replies.error(reader, "reserve");
    }

    private static Optional<Job> found(ReplyReader reader, Command.ReplyLimits limits) throws IOException {
        if (reader.lineStartsWith(Replies.FOUND)) {
            return Optional.of(job(reader, Replies.FOUND.length, limits));
        }
        if (reader.lineIs(Replies.NOT_FOUND)) {
            return Optional.empty();
        }
        throw Replies.error(reader, "peek");
    }

    private static Job job(ReplyReader reader, int offset, Command.ReplyLimits limits) throws IOException {
        long id = reader.unsignedAt(offset);
        long length = reader.unsignedAt(reader.fieldEnd() + 1);
        reader.requireLineEnd();
        return new Job(id, reader.readBlock(length, limits.maxJobSize()));
    }

    private static Optional<byte[]> optionalYaml(ReplyReader reader, Command.ReplyLimits limits, String command)
            throws IOException {
        if (reader.lineIs(Replies.NOT_FOUND)) {
            return Optional.empty();
        }
        return Optional.of(yaml(reader, limits, command));
    }

    private static byte[] yaml(ReplyReader reader, Command.ReplyLimits limits, String command) throws IOException {
        if (reader.lineStartsWith(Replies.OK)) {
            long length = number(reader, Replies.OK.length);
            return reader.readBlock(length, limits.maxYamlSize());
        }
        throw Replies.error(reader, command);
    }

    private static long number(ReplyReader reader, int offset) {
        long value = reader.unsignedAt(offset);
        reader.requireLineEnd();
        return value;
    }

    /** Whether an error reply to a command with a body means the server read that body as commands. */
    public static boolean desynchronises(Command<?> command, BeanstalkServerException error) {
        return command.hasBody() && (error.reply().equals("BAD_FORMAT") || error.reply().equals("UNKNOWN_COMMAND"));
    }
}
