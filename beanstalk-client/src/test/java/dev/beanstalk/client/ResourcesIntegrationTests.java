package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** After {@code close()} nothing of a client is left: no socket on the server, no thread but the documented daemons. */
@Beanstalkd
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResourcesIntegrationTests {

    @Test
    void closeLeavesNoSocketAndOnlyTheDocumentedDaemonThreads(BeanstalkdServer server, TestInfo test) throws Exception {
        try (BeanstalkConnection observer = BeanstalkConnection.open(server.host(), server.port())) {
            long connectionsBefore = observer.stats().currentConnections();
            Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
            BeanstalkClient client = BeanstalkClient.create(server.host(), server.port());
            BeanstalkConnection worker = client.openConnection();
            String tube = Connections.tube(test);
            client.putAll(tube, Collections.nCopies(2_000, bytes("x")), JobOptions.DEFAULT);
            client.putAsync(tube, bytes("y"), JobOptions.DEFAULT).get(5, TimeUnit.SECONDS);
            worker.async().stats().get(5, TimeUnit.SECONDS);
            assertThat(observer.stats().currentConnections()).isGreaterThan(connectionsBefore);
            worker.close();
            client.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (observer.stats().currentConnections() != connectionsBefore && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(observer.stats().currentConnections()).isEqualTo(connectionsBefore);
            Set<Thread> added = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !threadsBefore.contains(thread) && thread.isAlive()).collect(Collectors.toSet());
            assertThat(added).allSatisfy(thread -> {
                assertThat(thread.isDaemon()).as(thread + " is a daemon").isTrue();
                assertThat(thread.getName()).matches("beanstalk-reader-\\d+|beanstalk-io-deadlines");
            });
        }
    }
}
