package dev.beanstalk.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.FleetIds;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.test.BeanstalkdFleet;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** The sample's jar on three real beanstalkd processes, started as the README does with --beanstalk.servers. */
@Timeout(90)
class SampleAppFleetIntegrationTests {

    private static BeanstalkdFleet fleet;
    private static Process app;
    private static Http http;
    private static Path log;

    @BeforeAll
    static void startApp() throws IOException {
        fleet = BeanstalkdFleet.start(3);
        Path jar = Path.of(System.getProperty("sample.jar", "target/sample-app.jar"));
        assertThat(jar).isRegularFile();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = Files.createTempFile("sample-app-fleet", ".log");
        app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--server.port=" + port, "--beanstalk.servers=" + fleet.addresses())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        http = new Http(port);
        Await.until(Duration.ofSeconds(60), "the sample is up (log: " + log + ")", () -> {
            if (!app.isAlive()) {
                throw new AssertionError("the sample exited with " + app.exitValue() + "; log: " + log);
            }
            try {
                return http.get("/actuator/health").status() == 200;
            } catch (AssertionError notYet) {
                return false;
            }
        });
    }

    @AfterAll
    static void stopApp() throws InterruptedException {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void registrationsSpreadOverTheFleetAndHealthShowsEveryServer() {
        Set<Integer> servers = new HashSet<>();
        for (int i = 1; i <= 6; i++) {
            Http.Response created = http.postJson("/users", "{\"id\":" + i + ",\"name\":\"user" + i + "\"}");
            assertThat(created.status()).as("registration %d (log: %s)", i, log).isBetween(200, 299);
            servers.add(FleetIds.serverIndex(created.json().get("jobId").asLong()));
        }
        assertThat(servers).containsExactlyInAnyOrder(0, 1, 2);

        JsonNode beanstalk = http.get("/actuator/health").json().get("components").get("beanstalk");
        assertThat(beanstalk.get("status").asString()).isEqualTo("UP");
        assertThat(beanstalk.get("details").get("servers").properties()).hasSize(3);

        List<ServerAddress> addresses = fleet.servers().stream()
                .map(server -> new ServerAddress(server.host(), server.port())).toList();
        try (BeanstalkClient client = BeanstalkClient.create(ConnectionOptions.builder().servers(addresses).build())) {
            Await.until(Duration.ofSeconds(20), "every registration handled on its server", () ->
                    client.statsTubeByServer("userReg").values().stream().mapToLong(TubeStats::currentJobsReady)
                            .sum() == 0 && client.statsTubeByServer("userReg").size() == 3);
        }
    }
}
