package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.BeanstalkException;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.autoconfigure.health.BeanstalkHealthIndicator;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.test.BeanstalkdFleet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An application on three real beanstalkd processes: a listener takes jobs from all of them, and one killed with
 * SIGKILL while producers put and restarted with its binlog costs no acknowledged put.
 */
@SpringBootTest(properties = {"beanstalk.listener.concurrency=2", "beanstalk.reconnect-delay=50ms",
        "beanstalk.max-reconnect-delay=500ms"})
@DirtiesContext
@Timeout(45)
class FleetIntegrationTests {

    private static final int PRODUCERS = 3;

    static BeanstalkdFleet fleet;

    @Autowired
    BeanstalkTemplate template;

    @Autowired
    BeanstalkClient client;

    @Autowired
    Stream stream;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void start() {
        fleet = BeanstalkdFleet.start(3);
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @DynamicPropertySource
    static void beanstalk(DynamicPropertyRegistry properties) {
        properties.add("beanstalk.servers", () -> fleet.addresses());
    }

    @Test
    void aServerKilledWhileProducersPutAndAListenerConsumesLosesNoAcknowledgedPut() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean producing = new AtomicBoolean(true);
        List<AtomicInteger> failures = new ArrayList<>();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            AtomicInteger failed = new AtomicInteger();
            failures.add(failed);
            String name = "p" + p;
            Thread producer = new Thread(() -> {
                for (int n = 0; producing.get(); n++) {
                    try {
                        template.put("fleet-stream", name + "-" + n);
                        acknowledged.add(name + "-" + n);
                    } catch (BeanstalkException e) {
                        failed.incrementAndGet();
                    }
                }
            }, "fleet-producer-" + p);
            producer.start();
            producers.add(producer);
        }
        Await.until(Duration.ofSeconds(15), "puts on every server", () -> acknowledged.size() > 300);
        fleet.server(1).kill();
        int atKill = acknowledged.size();
        Await.until(Duration.ofSeconds(15), "puts after the kill", () -> acknowledged.size() > atKill + 600);
        Health degraded = new BeanstalkHealthIndicator(client).health(true);
        fleet.server(1).start();
        int atRestart = acknowledged.size();
        Await.until(Duration.ofSeconds(15), "puts after the restart", () -> acknowledged.size() > atRestart + 300);
        producing.set(false);
        for (Thread producer : producers) {
            producer.join(10_000);
        }
        Await.until(Duration.ofSeconds(20), "every acknowledged job handled",
                () -> stream.handled.containsAll(acknowledged));

        assertThat(failures).allSatisfy(failed -> assertThat(failed.get()).isLessThanOrEqualTo(1));
        assertThat(degraded.getStatus()).isEqualTo(Status.UP);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> servers = (Map<String, Map<String, Object>>) degraded.getDetails()
                .get("servers");
        assertThat(servers).hasSize(3);
        assertThat(servers.get(client.servers().get(1).toString())).containsEntry("status", "DOWN");
        assertThat(servers.get(client.servers().get(0).toString())).containsEntry("status", "UP");
        for (String server : fleet.addresses().split(",")) {
            Timer puts = meters.find("beanstalk.put").tag("server", server).tag("result", "success").timer();
            assertThat(puts).as("puts to " + server).isNotNull();
            assertThat(meters.find("beanstalk.listener.jobs").tag("server", server).timers()).isNotEmpty();
        }
        assertThat(new BeanstalkHealthIndicator(client).health(true).getStatus()).isEqualTo(Status.UP);
    }

    static final class Stream {

        final Set<String> handled = ConcurrentHashMap.newKeySet();

        @BeanstalkListener(tube = "fleet-stream", id = "fleet-stream")
        void handle(String job) {
            handled.add(job);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {

        @Bean
        Stream stream() {
            return new Stream();
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
