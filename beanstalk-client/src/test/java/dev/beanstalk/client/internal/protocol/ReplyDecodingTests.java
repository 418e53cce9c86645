package dev.beanstalk.client.internal.protocol;

import static dev.beanstalk.client.internal.protocol.Payloads.bytes;
import static dev.beanstalk.client.internal.protocol.Payloads.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.client.BadFormatException;
import dev.beanstalk.client.BeanstalkProtocolException;
import dev.beanstalk.client.BeanstalkServerException;
import dev.beanstalk.client.DrainingException;
import dev.beanstalk.client.ExpectedCrlfException;
import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobBuriedException;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.JobTooBigException;
import dev.beanstalk.client.NotIgnoredException;
import dev.beanstalk.client.Reservation;
import dev.beanstalk.client.ServerInternalErrorException;
import dev.beanstalk.client.ServerOutOfMemoryException;
import dev.beanstalk.client.UnknownCommandException;
import dev.beanstalk.client.internal.codec.ChunkedInputStream;
import dev.beanstalk.client.internal.codec.ReplyReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reply of every command, decoded from a stream split at every byte boundary (and byte by byte, with a small and
 * a large read buffer): the value is the same, and the next reply after it is read intact, so nothing desynchronises.
 */
@Timeout(30)
class ReplyDecodingTests {

    private static final Command.ReplyLimits LIMITS = new Command.ReplyLimits(65_535, 32 * 1024 * 1024);
    private static final String SENTINEL = "USING sentinel\r\n";
    private static final String BINARY = "a\r\nb\0c\u00ff\r\n";

    /** One reply to one command, with a check of what decoding it gives. */
    record Case(String name, Command<?> command, String reply, Consumer<Object> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> replies() {
        return Stream.of(
                value("put INSERTED", Commands.put(bytes("x"), JobOptions.DEFAULT, 10),
                        "INSERTED 5\r\n", 5L),
                value("put INSERTED max u64", put(), "INSERTED 18446744073709551615\r\n", -1L),
                error("put BURIED <id>", put(), "BURIED 7\r\n", JobBuriedException.class,
                        e -> assertThat(((JobBuriedException) e).jobId()).isEqualTo(7)),
                error("put JOB_TOO_BIG", put(), "JOB_TOO_BIG\r\n", JobTooBigException.class, e -> { }),
                error("put EXPECTED_CRLF", put(), "EXPECTED_CRLF\r\n", ExpectedCrlfException.class, e -> { }),
                error("put DRAINING", put(), "DRAINING\r\n", DrainingException.class, e -> { }),
                error("put OUT_OF_MEMORY", put(), "OUT_OF_MEMORY\r\n", ServerOutOfMemoryException.class, e -> { }),
                error("put INTERNAL_ERROR", put(), "INTERNAL_ERROR\r\n", ServerInternalErrorException.class, e -> { }),
                error("put BAD_FORMAT", put(), "BAD_FORMAT\r\n", BadFormatException.class, e -> { }),
                error("put UNKNOWN_COMMAND", put(), "UNKNOWN_COMMAND\r\n", UnknownCommandException.class, e -> { }),
                value("use USING", Commands.use("a+b/c;d.e$f_g(h)0"), "USING a+b/c;d.e$f_g(h)0\r\n",
                        "a+b/c;d.e$f_g(h)0"),
                value("reserve RESERVED", Commands.reserve(), "RESERVED 3 5\r\nhello\r\n", reserved(3, "hello")),
                value("reserve RESERVED binary body", Commands.reserve(), "RESERVED 9 9\r\n" + BINARY + "\r\n",
                        reserved(9, BINARY)),
                value("reserve RESERVED empty body", Commands.reserve(), "RESERVED 4 0\r\n\r\n", reserved(4, "")),
                value("reserve DEADLINE_SOON", Commands.reserve(), "DEADLINE_SOON\r\n", Reservation.DEADLINE_SOON),
                value("reserve TIMED_OUT", Commands.reserve(), "TIMED_OUT\r\n", Reservation.TIMED_OUT),
                value("reserve-with-timeout RESERVED", Commands.reserveWithTimeout(Duration.ofSeconds(1)),
                        "RESERVED 18446744073709551615 2\r\nhi\r\n", reserved(-1, "hi")),
                value("reserve-with-timeout TIMED_OUT", Commands.reserveWithTimeout(Duration.ZERO), "TIMED_OUT\r\n",
                        Reservation.TIMED_OUT),
                value("reserve-with-timeout DEADLINE_SOON", Commands.reserveWithTimeout(Duration.ZERO),
                        "DEADLINE_SOON\r\n", Reservation.DEADLINE_SOON),
                value("reserve-job RESERVED", Commands.reserveJob(12), "RESERVED 12 2\r\nhi\r\n",
                        Optional.of(job(12, "hi"))),
                value("reserve-job NOT_FOUND", Commands.reserveJob(12), "NOT_FOUND\r\n", Optional.empty()),
                value("delete DELETED", Commands.delete(1), "DELETED\r\n", true),
                value("delete NOT_FOUND", Commands.delete(1), "NOT_FOUND\r\n", false),
                value("release RELEASED", Commands.release(1, 0, Duration.ZERO), "RELEASED\r\n", true),
                value("release NOT_FOUND", Commands.release(1, 0, Duration.ZERO), "NOT_FOUND\r\n", false),
                error("release BURIED", Commands.release(42, 0, Duration.ZERO), "BURIED\r\n", JobBuriedException.class,
                        e -> assertThat(((JobBuriedException) e).jobId()).isEqualTo(42)),
                value("bury BURIED", Commands.bury(1, 0), "BURIED\r\n", true),
                value("bury NOT_FOUND", Commands.bury(1, 0), "NOT_FOUND\r\n", false),
                value("touch TOUCHED", Commands.touch(1), "TOUCHED\r\n", true),
                value("touch NOT_FOUND", Commands.touch(1), "NOT_FOUND\r\n", false),
                value("watch WATCHING", Commands.watch("a"), "WATCHING 2\r\n", 2),
                value("ignore WATCHING", Commands.ignore("a"), "WATCHING 1\r\n", 1),
                error("ignore NOT_IGNORED", Commands.ignore("a"), "NOT_IGNORED\r\n", NotIgnoredException.class,
                        e -> { }),
                value("peek FOUND", Commands.peek(-1), "FOUND 18446744073709551615 3\r\nabc\r\n",
                        Optional.of(job(-1, "abc"))),
                value("peek FOUND binary", Commands.peek(2), "FOUND 2 9\r\n" + BINARY + "\r\n",
                        Optional.of(job(2, BINARY))),
                value("peek NOT_FOUND", Commands.peek(1), "NOT_FOUND\r\n", Optional.empty()),
                value("peek-ready FOUND", Commands.peekReady(), "FOUND 1 0\r\n\r\n", Optional.of(job(1, ""))),
                value("peek-ready NOT_FOUND", Commands.peekReady(), "NOT_FOUND\r\n", Optional.empty()),
                value("peek-delayed FOUND", Commands.peekDelayed(), "FOUND 6 1\r\nd\r\n", Optional.of(job(6, "d"))),
                value("peek-delayed NOT_FOUND", Commands.peekDelayed(), "NOT_FOUND\r\n", Optional.empty()),
                value("peek-buried FOUND", Commands.peekBuried(), "FOUND 7 1\r\nb\r\n", Optional.of(job(7, "b"))),
                value("peek-buried NOT_FOUND", Commands.peekBuried(), "NOT_FOUND\r\n", Optional.empty()),
                value("kick KICKED n", Commands.kick(10), "KICKED 4294967295\r\n", 4_294_967_295L),
                value("kick KICKED 0", Commands.kick(10), "KICKED 0\r\n", 0L),
                value("kick-job KICKED", Commands.kickJob(3), "KICKED\r\n", true),
                value("kick-job NOT_FOUND", Commands.kickJob(3), "NOT_FOUND\r\n", false),
                value("stats-job OK", Commands.statsJob(1), ok(Payloads.STATS_JOB_112),
                        Optional.of(Stats.job(bytes(Payloads.STATS_JOB_112)))),
                value("stats-job NOT_FOUND", Commands.statsJob(1), "NOT_FOUND\r\n", Optional.empty()),
                value("stats-tube OK", Commands.statsTube("123"), ok(Payloads.STATS_TUBE_112),
                        Optional.of(Stats.tube(bytes(Payloads.STATS_TUBE_112)))),
                value("stats-tube NOT_FOUND", Commands.statsTube("x"), "NOT_FOUND\r\n", Optional.empty()),
                value("stats OK", Commands.stats(), ok(Payloads.STATS_112), Stats.server(bytes(Payloads.STATS_112))),
                value("list-tubes OK", Commands.listTubes(), ok(Payloads.LIST_TUBES_112),
                        List.of("default", "123", "1.5", ".inf")),
                value("list-tubes-watched OK", Commands.listTubesWatched(), "OK 10\r\n---\n- foo\n\r\n",
                        List.of("foo")),
                value("list-tube-used USING", Commands.listTubeUsed(), "USING 0\r\n", "0"),
                value("pause-tube PAUSED", Commands.pauseTube("t", Duration.ofSeconds(1)), "PAUSED\r\n", true),
                value("pause-tube NOT_FOUND", Commands.pauseTube("t", Duration.ofSeconds(1)), "NOT_FOUND\r\n", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesTheReplyWhateverItsSplitAndStaysInStep(Case c) throws IOException {
        byte[] stream = bytes(c.reply() + SENTINEL);
        for (int bufferSize : new int[] {0, 64 * 1024}) {
            decodeAndCheck(c, new ChunkedInputStream(stream), bufferSize);
            decodeAndCheck(c, ChunkedInputStream.byteByByte(stream), bufferSize);
            for (int split = 1; split < stream.length; split++) {
                decodeAndCheck(c, new ChunkedInputStream(stream, split), bufferSize);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesPipelinedRepliesInOneRead(Case c) throws IOException {
        byte[] stream = bytes(c.reply() + c.reply() + c.reply() + SENTINEL);
        ReplyReader reader = new ReplyReader(new ChunkedInputStream(stream), 0);
        for (int i = 0; i < 3; i++) {
            decodeOne(c, reader);
        }
        reader.nextLine();
        assertThat(Commands.listTubeUsed().decode(reader, LIMITS)).isEqualTo("sentinel");
    }

    private static void decodeAndCheck(Case c, InputStream in, int bufferSize) throws IOException {
        ReplyReader reader = new ReplyReader(in, bufferSize);
        decodeOne(c, reader);
        reader.nextLine();
        assertThat(Commands.listTubeUsed().decode(reader, LIMITS)).as("the reply after " + c).isEqualTo("sentinel");
    }

    private static void decodeOne(Case c, ReplyReader reader) throws IOException {
        reader.nextLine();
        Object result;
        try {
            result = c.command().decode(reader, LIMITS);
        } catch (BeanstalkServerException e) {
            result = e;
        }
        c.check().accept(result);
    }

    private static Case value(String name, Command<?> command, String reply, Object expected) {
        return new Case(name, command, reply, result -> assertThat(result).as(name).isEqualTo(expected));
    }

    private static Case error(String name, Command<?> command, String reply, Class<? extends BeanstalkServerException> type,
            Consumer<Throwable> more) {
        String line = reply.substring(0, reply.indexOf('\r'));
        return new Case(name, command, reply, result -> {
            assertThat(result).as(name).isInstanceOf(type);
            BeanstalkServerException error = (BeanstalkServerException) result;
            assertThat(error.reply()).isEqualTo(line.startsWith("BURIED") ? "BURIED" : line);
            assertThat(error.getMessage()).isNotBlank();
            more.accept(error);
        });
    }

    private static Command<Long> put() {
        return Commands.put(bytes("x"), JobOptions.DEFAULT, 65_535);
    }

    private static Job job(long id, String body) {
        return new Job(id, bytes(body));
    }

    private static Reservation reserved(long id, String body) {
        return new Reservation.Reserved(job(id, body));
    }

    // ---- replies that are not in the protocol ----

    static Stream<Object[]> garbage() {
        return Stream.of(
                new Object[] {put(), "HELLO\r\n", "HELLO"},
                new Object[] {put(), "inserted 1\r\n", "inserted 1"},
                new Object[] {put(), "INSERTED\r\n", "INSERTED"},
                new Object[] {put(), "INSERTED \r\n", "INSERTED "},
                new Object[] {put(), "INSERTED x\r\n", "INSERTED x"},
                new Object[] {put(), "INSERTED 1 2\r\n", "INSERTED 1 2"},
                new Object[] {put(), "INSERTED 1 \r\n", "INSERTED 1 "},
                new Object[] {put(), "INSERTED -1\r\n", "INSERTED -1"},
                new Object[] {put(), "INSERTED 18446744073709551616\r\n", "INSERTED 18446744073709551616"},
                new Object[] {put(), "INSERTED 99999999999999999999\r\n", "INSERTED 99999999999999999999"},
                new Object[] {Commands.reserve(), "RESERVED 1\r\n", "RESERVED 1"},
                new Object[] {Commands.reserve(), "RESERVED a 1\r\nx\r\n", "RESERVED a 1"},
                new Object[] {Commands.reserve(), "RESERVED 1 1 1\r\nx\r\n", "RESERVED 1 1 1"},
                new Object[] {Commands.reserve(), "RESERVED 1 5\r\nhelloXY\r\n", "not followed by CRLF"},
                new Object[] {Commands.reserve(), "FOUND 1 1\r\nx\r\n", "FOUND 1 1"},
                new Object[] {Commands.reserve(), "NOT_FOUND\r\n", "NOT_FOUND"},
                new Object[] {Commands.delete(1), "DELETEDX\r\n", "DELETEDX"},
                new Object[] {Commands.delete(1), "RELEASED\r\n", "RELEASED"},
                new Object[] {Commands.kick(1), "KICKED\r\n", "KICKED"},
                new Object[] {Commands.watch("a"), "WATCHING x\r\n", "WATCHING x"},
                new Object[] {Commands.stats(), "OK 3\r\nabc\r\n", "---"},
                new Object[] {Commands.stats(), "OK 6\r\n---\nx\n\r\n", "x"},
                new Object[] {Commands.stats(), "OK 15\r\n---\npid: seven\n\r\n", "seven"},
                new Object[] {Commands.listTubes(), ok("---\nfoo\n"), "foo"},
                new Object[] {Commands.statsJob(1), ok("---\nid: 1\nstate: frozen\n"), "frozen"},
                new Object[] {Commands.quit(), "QUIT\r\n", "QUIT"});
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("garbage")
    void garbageIsAProtocolErrorNamingTheReply(Command<?> command, String reply, String named) throws IOException {
        ReplyReader reader = new ReplyReader(new ChunkedInputStream(bytes(reply)), 0);
        reader.nextLine();
        assertThatThrownBy(() -> command.decode(reader, LIMITS))
                .isInstanceOf(BeanstalkProtocolException.class)
                .hasMessageContaining(named);
    }
}
