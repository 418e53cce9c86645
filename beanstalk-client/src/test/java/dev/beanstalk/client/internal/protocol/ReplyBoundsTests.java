package dev.beanstalk.client.internal.protocol;

import static dev.beanstalk.client.internal.protocol.Payloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.client.BeanstalkProtocolException;
import dev.beanstalk.client.internal.codec.ChunkedInputStream;
import dev.beanstalk.client.internal.codec.ReplyReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A broken or hostile server cannot make the reader allocate without bound or wait for bytes that will never come: an
 * overlong line or an announced length over the limit is a protocol error at once, a stream that ends early is an
 * end-of-stream error.
 */
@Timeout(10)
class ReplyBoundsTests {

    private static final Command.ReplyLimits LIMITS = new Command.ReplyLimits(65_535, 32 * 1024 * 1024);

    @Test
    void aLineWithoutEndIsRefusedAfterABoundedRead() {
        CountingEndlessStream in = new CountingEndlessStream();
        ReplyReader reader = new ReplyReader(in, 0);
        assertThatThrownBy(reader::nextLine)
                .isInstanceOf(BeanstalkProtocolException.class)
                .hasMessageContaining("longer than " + ReplyReader.MAX_LINE + " bytes")
                .hasMessageContaining("AAAA");
        assertThat(in.served).isLessThanOrEqualTo(ReplyReader.MAX_LINE);
    }

    @Test
    void aLineWithoutEndIsRefusedWithALargeBufferToo() {
        CountingEndlessStream in = new CountingEndlessStream();
        ReplyReader reader = new ReplyReader(in, 64 * 1024);
        assertThatThrownBy(reader::nextLine).isInstanceOf(BeanstalkProtocolException.class);
        assertThat(in.served).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void aLongLineArrivingInPiecesIsRefused() {
        byte[] line = bytes("USING " + "x".repeat(ReplyReader.MAX_LINE) + "\r\n");
        ReplyReader reader = new ReplyReader(ChunkedInputStream.byteByByte(line), 0);
        assertThatThrownBy(reader::nextLine).isInstanceOf(BeanstalkProtocolException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void aLongLineArrivingAtOnceIsRefusedToo() {
        byte[] line = bytes("USING " + "x".repeat(ReplyReader.MAX_LINE) + "\r\n");
        ReplyReader reader = new ReplyReader(new java.io.ByteArrayInputStream(line), 64 * 1024);
        assertThatThrownBy(reader::nextLine).isInstanceOf(BeanstalkProtocolException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void theLongestLegalLineIsAccepted() throws IOException {
        byte[] line = bytes("USING " + "x".repeat(200) + "\r\n");
        ReplyReader reader = new ReplyReader(new java.io.ByteArrayInputStream(line), 64 * 1024);
        reader.nextLine();
        assertThat(reader.lineLength()).isEqualTo(206);
    }

    static Stream<Object[]> oversized() {
        return Stream.of(
                new Object[] {Commands.reserve(), "RESERVED 1 65536\r\n", "65536"},
                new Object[] {Commands.reserve(), "RESERVED 1 4294967295\r\n", "4294967295"},
                new Object[] {Commands.reserve(), "RESERVED 1 18446744073709551615\r\n", "18446744073709551615"},
                new Object[] {Commands.reserveJob(1), "RESERVED 1 9223372036854775807\r\n", "9223372036854775807"},
                new Object[] {Commands.peek(1), "FOUND 1 2147483647\r\n", "2147483647"},
                new Object[] {Commands.peekReady(), "FOUND 1 65536\r\n", "65536"},
                new Object[] {Commands.stats(), "OK 33554433\r\n", "33554433"},
                new Object[] {Commands.statsJob(1), "OK 18446744073709551615\r\n", "18446744073709551615"},
                new Object[] {Commands.statsTube("t"), "OK 2147483648\r\n", "2147483648"},
                new Object[] {Commands.listTubes(), "OK 4294967296\r\n", "4294967296"},
                new Object[] {Commands.listTubesWatched(), "OK 33554433\r\n", "33554433"});
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("oversized")
    void anAnnouncedLengthOverTheLimitIsRefusedWithoutAllocatingIt(Command<?> command, String line, String named)
            throws IOException {
        // nothing follows the line: reading the block would be an end of stream, not a protocol error
        ReplyReader reader = new ReplyReader(new ChunkedInputStream(bytes(line)), 0);
        reader.nextLine();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> command.decode(reader, LIMITS))
                .isInstanceOf(BeanstalkProtocolException.class)
                .hasMessageContaining(named)
                .hasMessageContaining("limit");
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated").isLessThan(1024 * 1024);
    }

    @Test
    void aBlockAtTheLimitIsRead() throws IOException {
        String body = "b".repeat(65_535);
        ReplyReader reader = new ReplyReader(new ChunkedInputStream(bytes("RESERVED 1 65535\r\n" + body + "\r\n"), 100,
                40_000), 0);
        reader.nextLine();
        assertThat(Commands.reserve().decode(reader, LIMITS).reservedJob().orElseThrow().bodyAsString()).isEqualTo(body);
    }

    static Stream<Object[]> truncated() {
        return Stream.of(
                new Object[] {Commands.put(bytes("x"), dev.beanstalk.client.JobOptions.DEFAULT, 10), "INSERT"},
                new Object[] {Commands.put(bytes("x"), dev.beanstalk.client.JobOptions.DEFAULT, 10), "INSERTED 1\r"},
                new Object[] {Commands.reserve(), "RESERVED 1 10\r\nhel"},
                new Object[] {Commands.reserve(), "RESERVED 1 3\r\nabc"},
                new Object[] {Commands.reserve(), "RESERVED 1 3\r\nabc\r"},
                new Object[] {Commands.stats(), "OK 956\r\n---\ncurrent-jobs-urgent: 1\n"},
                new Object[] {Commands.stats(), ""});
    }

    @ParameterizedTest(name = "[{1}]")
    @MethodSource("truncated")
    void aStreamThatEndsInTheMiddleOfAReplyIsAnEndOfStream(Command<?> command, String partial) {
        for (int split = 0; split <= partial.length(); split++) {
            ChunkedInputStream in = split == 0 ? ChunkedInputStream.byteByByte(bytes(partial))
                    : new ChunkedInputStream(bytes(partial), split);
            ReplyReader reader = new ReplyReader(in, 0);
            assertThatThrownBy(() -> {
                reader.nextLine();
                command.decode(reader, LIMITS);
            }).isInstanceOf(EOFException.class).hasMessageContaining("closed");
        }
    }

    /** Endless 'A's, counting how many were handed out. */
    private static final class CountingEndlessStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'A';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'A');
            served += length;
            return length;
        }
    }
}
