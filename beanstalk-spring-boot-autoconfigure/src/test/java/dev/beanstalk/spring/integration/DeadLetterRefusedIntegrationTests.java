package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.JobState;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

/** A server that refuses the dead-letter put (it drains, so it takes no puts) gets the job buried instead. */
@SpringBootTest(properties = "beanstalk.listener.dead-letter-tube=failed")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeadLetterRefusedIntegrationTests extends RealBeanstalkdTests {

    @Autowired
    BeanstalkTemplate template;

    @Test
    void aRefusedDeadLetterPutBuriesTheJob(CapturedOutput output) {
        long id = template.put("drains", "x");

        Await.until(Duration.ofSeconds(10), "the job is buried",
                () -> template.statsJob(id).map(JobStats::state).orElse(null) == JobState.BURIED);
        assertThat(template.statsTube("failed").map(TubeStats::totalJobs).orElse(0L)).isZero();
        assertThat(output.getOut()).contains("job " + Long.toUnsignedString(id) + " (attempt 1 of 1); the dead-letter"
                + " tube failed refused it", "so it is buried");
    }

    static final class Draining {

        @BeanstalkListener(tube = "drains")
        void drainThenFail(String text) {
            server.drain();
            throw new IllegalStateException("fails while the server drains");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {

        @Bean
        Draining draining() {
            return new Draining();
        }
    }
}
