package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.JobState;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(properties = "beanstalk.listener.concurrency=2")
@DirtiesContext
class AutoTouchIntegrationTests extends RealBeanstalkdTests {

    private static final JobOptions ONE_SECOND_TTR = JobOptions.DEFAULT.withTtr(Duration.ofSeconds(1));

    @Autowired
    BeanstalkTemplate template;

    @Autowired
    Listeners listeners;

    @Test
    void handlerLongerThanItsTtrRunsOnce() {
        long timeouts = template.stats().jobTimeouts();
        long id = template.put("slow", "work", ONE_SECOND_TTR);

        Await.until(Duration.ofSeconds(10), "the job is deleted", () -> template.peek(id).isEmpty());
        assertThat(listeners.slowRuns.get()).isEqualTo(1);
        assertThat(template.stats().jobTimeouts()).isEqualTo(timeouts);
    }

    /**
     * The control: without auto-touch the TTR runs out while the handler still runs. beanstalkd 1.12 may hand the
     * expired job to another worker or, when the holding connection sits idle, only mark it overdue (time-left 0 or
     * below) until that connection speaks again; either way the job is no longer safely held.
     */
    @Test
    void withoutAutoTouchTheTtrRunsOutWhileTheHandlerRuns() {
        long id = template.put("slow-untouched", "work", ONE_SECOND_TTR);

        Await.until(Duration.ofSeconds(10), "the TTR runs out while the handler runs", () -> listeners.untouchedRuns
                .get() >= 2 || template.statsJob(id).filter(stats -> stats.timeouts() > 0
                        || stats.state() == JobState.RESERVED && stats.timeLeft().compareTo(Duration.ZERO) <= 0).isPresent());
        Await.until(Duration.ofSeconds(10), "the job is deleted", () -> template.peek(id).isEmpty());
    }

    static final class Listeners {

        final AtomicInteger slowRuns = new AtomicInteger();
        final AtomicInteger untouchedRuns = new AtomicInteger();

        @BeanstalkListener(tube = "slow")
        void slow(String work) {
            slowRuns.incrementAndGet();
            Await.sleep(Duration.ofMillis(3200));
        }

        @BeanstalkListener(tube = "slow-untouched", autoTouch = "false")
        void untouched(String work) {
            if (untouchedRuns.incrementAndGet() == 1) {
                Await.sleep(Duration.ofMillis(2500));
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {

        @Bean
        Listeners listeners() {
            return new Listeners();
        }
    }
}
