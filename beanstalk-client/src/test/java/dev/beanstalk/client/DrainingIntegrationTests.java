package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** After SIGUSR1 the server drains: puts get DRAINING, everything else goes on. Drain mode cannot be undone. */
@Beanstalkd
@Timeout(20)
class DrainingIntegrationTests {

    @Test
    void putsAreRefusedWhileWorkersFinish(BeanstalkdServer server) throws InterruptedException {
        try (Connections connections = new Connections(server)) {
            BeanstalkConnection worker = connections.worker("drain");
            BeanstalkClient client = connections.client();
            long id = worker.put(bytes("before"));
            long reserved = worker.put(bytes("held"));
            worker.reserveJob(reserved);
            assertThat(worker.stats().draining()).isFalse();

            server.drain();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!worker.stats().draining()) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(10);
            }

            assertThatThrownBy(() -> worker.put(bytes("after"))).isInstanceOf(DrainingException.class)
                    .extracting(e -> ((DrainingException) e).reply()).isEqualTo("DRAINING");
            assertThatThrownBy(() -> client.put("drain", bytes("after"))).isInstanceOf(DrainingException.class);
            assertThat(worker.isOpen()).isTrue();
            assertThat(worker.release(reserved, JobOptions.DEFAULT_PRIORITY, Duration.ZERO)).isTrue();
            assertThat(worker.reserve(Duration.ZERO).reservedJob().map(Job::id)).contains(id);
            assertThat(worker.delete(id)).isTrue();
            assertThat(client.statsTube("drain").orElseThrow().currentJobsReady()).isEqualTo(1);
        }
    }
}
