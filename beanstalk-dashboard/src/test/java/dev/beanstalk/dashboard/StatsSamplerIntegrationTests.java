package dev.beanstalk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.spring.core.JsonJobConverter;
import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/** The sampler against a real beanstalkd: server and tube rates from counters, an hour of samples at most. */
@Beanstalkd
@Timeout(20)
class StatsSamplerIntegrationTests {

    private final BeanstalkClient client;
    private final BeanstalkTemplate template;

    StatsSamplerIntegrationTests(BeanstalkdServer server) {
        client = BeanstalkClient.create(server.host(), server.port());
        template = BeanstalkTemplate.builder(client, new JsonJobConverter(JsonMapper.builder().build()))
                .defaultTube("sampled").build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void ratesComeFromTheCountersBetweenSamples() {
        StatsSampler sampler = new StatsSampler(template, List::of, Duration.ofSeconds(1));
        template.put("sampled", Map.of("first", true));
        sampler.sample();
        for (int i = 0; i < 10; i++) {
            template.put("sampled", Map.of("i", i));
        }
        sampler.sample();

        Sample.Rates server = sampler.serverRates();
        assertThat(server.times()).hasSize(1);
        assertThat(server.series()[0][0]).as("puts per second").isPositive();
        assertThat(sampler.tubeRates("sampled").series()[0]).hasSize(1);
        assertThat(sampler.lastError()).isNull();
    }

    @Test
    void keepsAnHourOfServerSamplesAndForgetsTubesThatAreGone() {
        assertThat(new StatsSampler(template, List::of, Duration.ofSeconds(5)).serverCapacity()).isEqualTo(720);
        assertThat(new StatsSampler(template, List::of, Duration.ofMillis(100)).serverCapacity()).isEqualTo(3600);
        StatsSampler sampler = new StatsSampler(template, List::of, Duration.ofSeconds(1));
        long id;
        try (BeanstalkConnection producer = client.openConnection()) {
            producer.use("short-lived");
            id = producer.put(new byte[0]);
        }
        sampler.sample();
        assertThat(sampler.trackedTubes()).isGreaterThanOrEqualTo(2);
        int tracked = sampler.trackedTubes();
        template.delete(id);
        sampler.sample();
        assertThat(sampler.trackedTubes()).isEqualTo(tracked - 1);
        assertThatThrownBy(() -> new StatsSampler(template, List::of, Duration.ofMillis(10)))
                .hasMessageContaining("at least 100ms");
    }

    @Test
    void aFailingSampleIsRecordedAndTheSamplerKeepsGoing() {
        BeanstalkClient closed = BeanstalkClient.create(client.options());
        closed.close();
        StatsSampler sampler = new StatsSampler(BeanstalkTemplate.builder(closed,
                new JsonJobConverter(JsonMapper.builder().build())).build(), List::of, Duration.ofSeconds(1));

        sampler.sample();

        assertThat(sampler.lastError()).isNotNull();
        assertThat(sampler.serverRates().times()).isEmpty();
    }
}
