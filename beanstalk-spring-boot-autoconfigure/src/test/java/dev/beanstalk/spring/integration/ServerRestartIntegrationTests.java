package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkException;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.test.Beanstalkd;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

@Beanstalkd(binlog = true)
@SpringBootTest(properties = {"beanstalk.listener.concurrency=2", "beanstalk.reconnect-delay=50ms",
        "beanstalk.max-reconnect-delay=500ms"})
@DirtiesContext
class ServerRestartIntegrationTests extends RealBeanstalkdTests {

    private static final int JOBS = 600;

    @Autowired
    BeanstalkTemplate template;

    @Autowired
    Stream stream;

    @Autowired
    MeterRegistry meters;

    @Test
    void everyAcknowledgedPutIsHandledAcrossAKilledAndRestartedServer() {
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        int failed = 0;
        for (int i = 0; i < JOBS; i++) {
            if (i == JOBS / 3) {
                server.kill();
            }
            if (i == JOBS / 2) {
                server.start();
            }
            try {
                template.put("stream", i);
                acknowledged.add(i);
            } catch (BeanstalkException e) {
                failed++;
                Await.sleep(Duration.ofMillis(2));
            }
        }

        assertThat(failed).isPositive();
        assertThat(acknowledged).hasSizeGreaterThan(JOBS / 2);
        Await.until(Duration.ofSeconds(20), "every acknowledged job is handled",
                () -> stream.handled.containsAll(acknowledged));
        assertThat(meters.get("beanstalk.listener.reconnects").tag("listener", "stream").counter().count())
                .isGreaterThanOrEqualTo(2);
    }

    static final class Stream {

        final Set<Integer> handled = ConcurrentHashMap.newKeySet();

        @BeanstalkListener(tube = "stream", id = "stream")
        void handle(int number) {
            handled.add(number);
            Await.sleep(Duration.ofMillis(1));
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
