package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With a binlog, ready, delayed and buried jobs survive a restart and a crash, bodies and all. */
@Beanstalkd(binlog = true)
@Timeout(30)
class BinlogIntegrationTests {

    @Test
    void readyDelayedAndBuriedJobsSurviveARestartAndACrash(BeanstalkdServer server) {
        long ready;
        long delayed;
        long buried;
        long deleted;
        try (Connections connections = new Connections(server)) {
            BeanstalkConnection worker = connections.worker("binlog");
            ready = worker.put(bytes("ready\r\n\0"), JobOptions.DEFAULT.withPriority(5));
            delayed = worker.put(bytes("delayed"), JobOptions.DEFAULT.withDelay(Duration.ofSeconds(100)));
            buried = worker.put(bytes("buried"));
            deleted = worker.put(bytes("deleted"));
            worker.reserveJob(buried);
            worker.bury(buried, 7);
            worker.delete(deleted);
            assertThat(worker.stats().binlogRecordsWritten()).isGreaterThanOrEqualTo(6);
            assertThat(worker.statsJob(ready).orElseThrow().file()).isEqualTo(1);
        }

        server.restart();
        assertSurvived(server, ready, delayed, buried, deleted, 2);

        server.kill();
        server.start();
        assertSurvived(server, ready, delayed, buried, deleted, 3);
    }

    private static void assertSurvived(BeanstalkdServer server, long ready, long delayed, long buried, long deleted,
            long buries) {
        try (Connections connections = new Connections(server)) {
            BeanstalkClient client = connections.client();
            assertThat(client.peek(ready)).contains(new Job(ready, bytes("ready\r\n\0")));
            assertThat(client.peek(deleted)).isEmpty();
            JobStats readyStats = client.statsJob(ready).orElseThrow();
            assertThat(readyStats.state()).isEqualTo(JobState.READY);
            assertThat(readyStats.priority()).isEqualTo(5);
            JobStats delayedStats = client.statsJob(delayed).orElseThrow();
            assertThat(delayedStats.state()).isEqualTo(JobState.DELAYED);
            assertThat(delayedStats.timeLeft()).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(100));
            JobStats buriedStats = client.statsJob(buried).orElseThrow();
            assertThat(buriedStats.state()).isEqualTo(JobState.BURIED);
            assertThat(buriedStats.priority()).isEqualTo(7);
            assertThat(buriedStats.buries()).as("replay buries again").isBetween(2L, buries);
            assertThat(client.peekDelayed("binlog")).contains(new Job(delayed, bytes("delayed")));
            assertThat(client.peekBuried("binlog")).contains(new Job(buried, bytes("buried")));
            TubeStats tube = client.statsTube("binlog").orElseThrow();
            assertThat(List3.of(tube.currentJobsReady(), tube.currentJobsDelayed(), tube.currentJobsBuried()))
                    .isEqualTo(List3.of(1, 1, 1));
            long next = client.put("binlog", bytes("next"));
            assertThat(next).as("ids resume after the highest in the binlog").isGreaterThan(deleted);
            client.delete(next);
        }
    }

    /** Three counts, compared at once for a readable failure. */
    private record List3(long a, long b, long c) {
        static List3 of(long a, long b, long c) {
            return new List3(a, b, c);
        }
    }
}
