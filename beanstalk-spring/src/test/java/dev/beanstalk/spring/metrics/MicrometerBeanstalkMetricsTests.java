package dev.beanstalk.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.spring.listener.JobOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerBeanstalkMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerBeanstalkMetrics metrics = new MicrometerBeanstalkMetrics(registry);

    @Test
    void timesPutsByTubeAndResult() {
        metrics.put("emails", 2_000_000, true);
        metrics.put("emails", 1_000_000, false);

        assertThat(registry.get("beanstalk.put").tags("tube", "emails", "result", "success").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2.0);
        assertThat(registry.get("beanstalk.put").tags("tube", "emails", "result", "failure").timer().count())
                .isEqualTo(1);
    }

    @Test
    void timesHandledJobsByListenerTubeAndOutcome() {
        for (JobOutcome outcome : JobOutcome.values()) {
            metrics.handled("mailer", "emails", outcome, 1_000);
        }

        for (String outcome : new String[] {"deleted", "released", "buried", "expired"}) {
            assertThat(registry.get("beanstalk.listener.jobs")
                    .tags("listener", "mailer", "tube", "emails", "outcome", outcome).timer().count()).isEqualTo(1);
        }
    }

    @Test
    void countsReconnects() {
        metrics.reconnected("mailer");
        metrics.reconnected("mailer");

        assertThat(registry.get("beanstalk.listener.reconnects").tag("listener", "mailer").counter().count())
                .isEqualTo(2);
    }
}
