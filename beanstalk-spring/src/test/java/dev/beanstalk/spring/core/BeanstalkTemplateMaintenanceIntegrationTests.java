package dev.beanstalk.spring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.JobState;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/** The template clears a tube by state and moves its buried jobs, against a real beanstalkd. */
@Beanstalkd
@Timeout(20)
class BeanstalkTemplateMaintenanceIntegrationTests {

    private final BeanstalkClient client;
    private final BeanstalkTemplate template;

    BeanstalkTemplateMaintenanceIntegrationTests(BeanstalkdServer server) {
        client = BeanstalkClient.create(server.host(), server.port());
        template = BeanstalkTemplate.builder(client, new JsonJobConverter(JsonMapper.builder().build()))
                .defaultTube("template-maintenance").build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void clearsReadyJobsAndMovesBuriedOnes() {
        template.put("orders", Map.of("n", 1));
        template.put("orders", Map.of("n", 2));
        try (BeanstalkConnection worker = client.openConnection()) {
            long id = template.put("orders", Map.of("n", 3));
            worker.reserveJob(id).orElseThrow();
            worker.bury(id, 10);
        }
        template.putWithDelay("orders", Map.of("n", 4), Duration.ofHours(1));

        assertThat(template.clearTube("orders", JobState.READY)).isEqualTo(2);
        assertThat(template.moveBuried("orders", "orders-retry")).isEqualTo(1);
        assertThat(template.clearTube("orders", JobState.DELAYED)).isEqualTo(1);

        TubeStats orders = template.statsTube("orders").orElseThrow();
        assertThat(orders.currentJobsReady() + orders.currentJobsBuried() + orders.currentJobsDelayed()).isZero();
        assertThat(template.peekReady("orders-retry").orElseThrow().bodyAsString()).isEqualTo("{\"n\":3}");
    }
}
