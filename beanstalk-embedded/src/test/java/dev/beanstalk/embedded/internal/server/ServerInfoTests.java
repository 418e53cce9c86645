package dev.beanstalk.embedded.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code stats}' {@code os} and {@code rusage-*}: what beanstalkd reports from uname and getrusage. */
class ServerInfoTests {

    @Test
    void osIsTheKernelVersionAsUnameVPrintsIt() throws IOException {
        assertThat(ServerInfo.current().os())
                .isEqualTo(Files.readString(Path.of("/proc/sys/kernel/version"), StandardCharsets.US_ASCII).strip())
                .startsWith("#");
    }

    @Test
    @Timeout(30)
    void systemTimeIsCountedApartFromUserTime() throws IOException {
        Path file = Files.createTempFile("stime-", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            while (ServerInfo.cpuMicros()[1] == 0) {
                channel.write(ByteBuffer.allocate(4096), 0);
                channel.force(false);
            }
        } finally {
            Files.delete(file);
        }
        long[] cpu = ServerInfo.cpuMicros();
        assertThat(cpu[0]).isPositive();
        assertThat(cpu[1]).isPositive();
    }
}
