package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server whose {@code -z} is smaller than the client's maximum job size: it drains the body and answers JOB_TOO_BIG,
 * and the connection stays in step.
 */
@Beanstalkd(maxJobSize = 10)
@Timeout(20)
class JobTooBigIntegrationTests {

    @Test
    void aBodyOverTheServersLimitIsJobTooBigAndTheConnectionGoesOn(BeanstalkdServer server) {
        try (Connections connections = new Connections(server)) {
            BeanstalkConnection connection = connections.worker("toobig");
            assertThat(connection.stats().maxJobSize()).isEqualTo(10);
            long before = connection.put(bytes("0123456789"));
            assertThatThrownBy(() -> connection.put(bytes("0123456789A")))
                    .isInstanceOf(JobTooBigException.class)
                    .hasMessageContaining("max-job-size")
                    .extracting(e -> ((JobTooBigException) e).reply()).isEqualTo("JOB_TOO_BIG");
            assertThatThrownBy(() -> connection.put(new byte[65_535])).isInstanceOf(JobTooBigException.class);
            assertThat(connection.isOpen()).isTrue();
            assertThat(connection.listTubeUsed()).isEqualTo("toobig");
            long after = connection.put(bytes("x"));
            assertThat(after).as("JOB_TOO_BIG uses up no id").isEqualTo(before + 1);
            assertThat(connection.reserve().reservedJob().map(Job::bodyAsString)).contains("0123456789");
        }
    }

    @Test
    void theClientReportsItToTheCallerAndStaysUsable(BeanstalkdServer server) {
        try (Connections connections = new Connections(server)) {
            BeanstalkClient client = connections.client();
            assertThatThrownBy(() -> client.put("toobig-client", new byte[11])).isInstanceOf(JobTooBigException.class);
            assertThatThrownBy(() -> client.putAll("toobig-client", List.of(new byte[1], new byte[11], new byte[2]),
                    JobOptions.DEFAULT)).isInstanceOf(BatchPutException.class)
                    .satisfies(e -> assertThat(((BatchPutException) e).failures().get(1))
                            .isInstanceOf(JobTooBigException.class));
            long id = client.put("toobig-client", bytes("fits"));
            assertThat(client.peek(id).map(Job::bodyAsString)).contains("fits");
            assertThat(client.statsTube("toobig-client").orElseThrow().currentJobsReady()).as("1 + 2 of putAll + fits")
                    .isEqualTo(3);
        }
    }
}
