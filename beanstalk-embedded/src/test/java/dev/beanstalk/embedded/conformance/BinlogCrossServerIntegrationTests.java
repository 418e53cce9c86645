package dev.beanstalk.embedded.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.test.BeanstalkdServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One server writes a binlog, is killed with SIGKILL, and the other server starts on the same directory: every job
 * must come back with the same state, priority, delay, TTR, tube and body (a reserved job comes back ready), in
 * both directions, with the default file size and with one small enough to rotate and compact files.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BinlogCrossServerIntegrationTests {

    private static final Path LAUNCHER = Target.embeddedLauncher();
    private static final Pattern FIELD = Pattern.compile("\n(tube|state|pri|delay|ttr): ([^\n]*)");

    @ParameterizedTest(name = "{0} writes, {1} reads, -s {2}")
    @CsvSource({"beanstalkd, embedded, 10485760", "embedded, beanstalkd, 10485760", "beanstalkd, embedded, 1000",
            "embedded, beanstalkd, 1000"})
    void theOtherServerRecoversEveryJob(String writer, String reader, int fileSize) throws IOException {
        Path directory = Files.createTempDirectory("binlog-cross-");
        try {
            Map<Long, String> written;
            int files;
            try (BeanstalkdServer first = start(writer, directory, fileSize)) {
                written = writeJobs(first);
                files = binlogFiles(directory);
                first.kill();
            }
            if (fileSize < 4096) {
                assertThat(files).as("binlog files written with -s %d", fileSize).isGreaterThan(2);
            }
            try (BeanstalkdServer second = start(reader, directory, fileSize)) {
                assertThat(describeAll(second, written.keySet())).containsExactlyEntriesOf(written);
            }
        } finally {
            delete(directory);
        }
    }

    @ParameterizedTest(name = "{1} refuses a directory {0} holds")
    @CsvSource({"beanstalkd, embedded", "embedded, beanstalkd"})
    void neitherServerOpensADirectoryTheOtherHolds(String holder, String other) throws IOException {
        Path directory = Files.createTempDirectory("binlog-lock-");
        try (BeanstalkdServer first = start(holder, directory, 10_485_760);
                ServerProcess second = ServerProcess.start(binary(other),
                        List.of("-l", "127.0.0.1", "-p", "0", "-b", directory.toString()))) {
            assertThat(second.awaitExit()).as(second.stderr()).isEqualTo(10);
            assertThat(first.isRunning()).isTrue();
        } finally {
            delete(directory);
        }
    }

    /**
     * A binlog of beanstalkd before 1.11 (version 5: an 8-byte name length, a 77-byte struct, times in microseconds),
     * made here byte for byte: both servers read the same jobs from it.
     */
    @Test
    void bothServersReadAVersion5Binlog() throws IOException {
        long nowMicros = System.currentTimeMillis() * 1000;
        ByteBuffer log = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN).putInt(5);
        v5(log, "default", 1, 10, 0, 60, nowMicros, 0, 1, "abc", 0, 0);
        v5(log, "other", 2, 5, 30, 120, nowMicros, nowMicros + 3_600_000_000L, 4, "hello", 0, 0);
        v5(log, "other", 3, 7, 0, 60, nowMicros, 0, 3, "x", 1, 0);
        v5(log, "default", 4, 1, 0, 60, nowMicros, 0, 1, "gone", 0, 0);
        v5(log, null, 4, 1, 0, 60, nowMicros, 0, 0, "gone", 0, 0);
        v5(log, null, 2, 5, 30, 120, nowMicros, nowMicros + 3_600_000_000L, 4, "hello", 0, 1);
        Map<String, Map<Long, String>> read = new LinkedHashMap<>();
        for (String which : List.of("beanstalkd", "embedded")) {
            Path directory = Files.createTempDirectory("binlog-v5-");
            try {
                Files.write(directory.resolve("binlog.1"), Arrays.copyOf(log.array(), 4096));
                try (BeanstalkdServer server = start(which, directory, 10_485_760)) {
                    read.put(which, describeAll(server, List.of(1L, 2L, 3L, 4L)));
                }
            } finally {
                delete(directory);
            }
        }
        assertThat(read.get("beanstalkd").get(1L)).startsWith("tube: default, state: ready, pri: 10, delay: 0, ttr: 60");
        assertThat(read.get("beanstalkd").get(2L)).startsWith("tube: other, state: delayed, pri: 5, delay: 30, ttr: 120");
        assertThat(read.get("beanstalkd").get(4L)).isEqualTo("NOT_FOUND");
        assertThat(read.get("embedded")).containsExactlyEntriesOf(read.get("beanstalkd"));
    }

    /** One version-5 record: a full one with the tube name and body, a short one when {@code tube} is null. */
    private static void v5(ByteBuffer log, String tube, long id, int pri, long delaySeconds, long ttrSeconds,
            long createdMicros, long deadlineMicros, int state, String body, int buries, int releases) {
        byte[] name = tube == null ? new byte[0] : tube.getBytes(StandardCharsets.US_ASCII);
        byte[] data = (body + "\r\n").getBytes(StandardCharsets.US_ASCII);
        log.putLong(name.length).put(name);
        int at = log.position();
        log.putLong(at, id).putInt(at + 8, pri).putLong(at + 16, delaySeconds * 1_000_000)
                .putLong(at + 24, ttrSeconds * 1_000_000).putInt(at + 32, data.length).putLong(at + 40, createdMicros)
                .putLong(at + 48, deadlineMicros).putInt(at + 64, releases).putInt(at + 68, buries)
                .put(at + 76, (byte) state);
        log.position(at + 77);
        if (tube != null) {
            log.put(data);
        }
    }

    private static Path binary(String which) {
        return which.equals("embedded") ? LAUNCHER : BeanstalkdServer.locateBinary();
    }

    /** Jobs in every state, several tubes, binary and larger bodies, some deleted; returns what each should be. */
    private static Map<Long, String> writeJobs(BeanstalkdServer server) throws IOException {
        try (Wire c = new Wire(server)) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                c.send("use " + (i % 3 == 0 ? "default" : "tube-" + (i % 3)) + "\r\n");
                c.line();
                byte[] body = body(i);
                ids.add(c.put(i * 97 % 5000, i % 5 == 0 ? 3600 : 0, 60 + i, body));
            }
            c.send("watch tube-1\r\nwatch tube-2\r\n");
            c.line();
            c.line();
            for (int i = 0; i < 8; i++) {
                c.send("reserve-with-timeout 0\r\n");
                long id = c.reserved();
                c.send(switch (i % 4) {
                    case 0 -> "bury " + id + " 77\r\n";
                    case 1 -> "release " + id + " 5 1800\r\n";
                    case 2 -> "delete " + id + "\r\n";
                    default -> "release " + id + " 9 0\r\n";
                });
                c.line();
            }
            c.send("reserve-with-timeout 0\r\n");
            c.reserved();
            for (int i = 1; i < ids.size(); i += 7) {
                c.send("delete " + ids.get(i) + "\r\n");
                c.line();
            }
            c.send("use tube-1\r\nkick 1\r\n");
            c.line();
            c.line();
            c.send("kick-job " + ids.get(5) + "\r\n");
            c.line();
            Map<Long, String> expected = describeAll(c, ids);
            expected.replaceAll((id, job) -> job.replace("state: reserved", "state: ready"));
            return expected;
        }
    }

    private static byte[] body(int i) {
        byte[] body = new byte[i == 13 ? 20_000 : 1 + i * 11];
        for (int k = 0; k < body.length; k++) {
            body[k] = (byte) (k * 31 + i);
        }
        return body;
    }

    private static Map<Long, String> describeAll(BeanstalkdServer server, Iterable<Long> ids) throws IOException {
        try (Wire c = new Wire(server)) {
            return describeAll(c, ids);
        }
    }

    /** Each job's tube, state, pri, delay and ttr from stats-job and its body from peek, or NOT_FOUND. */
    private static Map<Long, String> describeAll(Wire c, Iterable<Long> ids) throws IOException {
        Map<Long, String> jobs = new LinkedHashMap<>();
        for (long id : ids) {
            c.send("stats-job " + id + "\r\n");
            String head = c.line();
            if (head.equals("NOT_FOUND")) {
                jobs.put(id, "NOT_FOUND");
                continue;
            }
            String yaml = new String(c.bytes(Integer.parseInt(head.substring(3)) + 2), StandardCharsets.US_ASCII);
            StringBuilder job = new StringBuilder();
            Matcher m = FIELD.matcher(yaml);
            while (m.find()) {
                job.append(m.group(1)).append(": ").append(m.group(2)).append(", ");
            }
            c.send("peek " + id + "\r\n");
            String found = c.line();
            byte[] body = c.bytes(Integer.parseInt(found.split(" ")[2]) + 2);
            jobs.put(id, job.append("body: ").append(Arrays.hashCode(body)).append('/').append(body.length).toString());
        }
        return jobs;
    }

    private static BeanstalkdServer start(String which, Path directory, int fileSize) {
        BeanstalkdServer.Builder builder = BeanstalkdServer.builder().maxJobSize(65_535).binlogDirectory(directory)
                .arguments("-s", Integer.toString(fileSize));
        if (which.equals("embedded")) {
            builder.binary(LAUNCHER);
        }
        return builder.build().start();
    }

    private static int binlogFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return (int) files.filter(f -> f.getFileName().toString().startsWith("binlog.")).count();
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commands and replies on one connection, read synchronously. */
    private static final class Wire implements AutoCloseable {

        private final Connection connection;

        Wire(BeanstalkdServer server) throws IOException {
            connection = new Connection(new InetSocketAddress("127.0.0.1", server.port()));
        }

        void send(String command) throws IOException {
            connection.write(command.getBytes(StandardCharsets.US_ASCII));
        }

        long put(long pri, long delay, long ttr, byte[] body) throws IOException {
            send("put " + pri + " " + delay + " " + ttr + " " + body.length + "\r\n");
            byte[] data = Arrays.copyOf(body, body.length + 2);
            data[body.length] = '\r';
            data[body.length + 1] = '\n';
            connection.write(data);
            String reply = line();
            assertThat(reply).startsWith("INSERTED ");
            return Long.parseLong(reply.substring(9));
        }

        long reserved() throws IOException {
            String[] reply = line().split(" ");
            assertThat(reply[0]).isEqualTo("RESERVED");
            bytes(Integer.parseInt(reply[2]) + 2);
            return Long.parseLong(reply[1]);
        }

        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            byte[] one = new byte[1];
            while (!(line.length() >= 2 && line.charAt(line.length() - 2) == '\r'
                    && line.charAt(line.length() - 1) == '\n')) {
                read(one, 0, 1);
                line.append((char) one[0]);
            }
            return line.substring(0, line.length() - 2);
        }

        byte[] bytes(int count) throws IOException {
            byte[] bytes = new byte[count];
            for (int n = 0; n < count; ) {
                n += read(bytes, n, count - n);
            }
            return Arrays.copyOf(bytes, count - 2);
        }

        private int read(byte[] target, int offset, int length) throws IOException {
            int r = connection.read(target, offset, length, 10_000);
            if (r <= 0) {
                throw new IOException(r < 0 ? "the server hung up" : "no reply in 10 s");
            }
            return r;
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }
}
