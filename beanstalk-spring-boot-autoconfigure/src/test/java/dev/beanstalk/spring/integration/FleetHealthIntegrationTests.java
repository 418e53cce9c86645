package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.spring.autoconfigure.health.BeanstalkHealthIndicator;
import dev.beanstalk.test.BeanstalkdFleet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The health of a fleet: every server in the details, and the aggregate as documented. */
@Timeout(30)
class FleetHealthIntegrationTests {

    private static BeanstalkdFleet fleet;

    @BeforeAll
    static void start() {
        fleet = BeanstalkdFleet.start(2);
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void upWhileOneServerTakesPutsOutOfServiceWhenAllDrainDownWhenNoneAnswers() {
        List<ServerAddress> servers = fleet.servers().stream().map(s -> new ServerAddress(s.host(), s.port())).toList();
        try (BeanstalkClient client = BeanstalkClient.create(ConnectionOptions.builder().servers(servers)
                .connectTimeout(Duration.ofMillis(500)).reconnectDelay(Duration.ofMillis(20))
                .maxReconnectDelay(Duration.ofMillis(20)).build())) {
            BeanstalkHealthIndicator indicator = new BeanstalkHealthIndicator(client);
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
            fleet.server(0).drain();
            Health oneDraining = indicator.health(true);
            assertThat(oneDraining.getStatus()).isEqualTo(Status.UP);
            assertThat(server(oneDraining, servers.get(0))).containsEntry("status", "OUT_OF_SERVICE")
                    .containsEntry("draining", true);
            fleet.server(1).drain();
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            fleet.server(0).kill();
            fleet.server(1).kill();
            Health none = indicator.health(true);
            assertThat(none.getStatus()).isEqualTo(Status.DOWN);
            assertThat(server(none, servers.get(1))).containsEntry("status", "DOWN").containsKey("error");
        } finally {
            fleet.startAll();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> server(Health health, ServerAddress server) {
        return ((Map<String, Map<String, Object>>) health.getDetails().get("servers")).get(server.toString());
    }
}
