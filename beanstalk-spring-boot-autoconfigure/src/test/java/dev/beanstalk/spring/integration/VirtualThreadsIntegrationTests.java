package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

/** Workers are virtual threads on JDK 21 and later when asked for; on older JDKs the setting is ignored. */
@SpringBootTest(properties = {"spring.threads.virtual.enabled=true", "beanstalk.listener.concurrency=2"})
@DirtiesContext
class VirtualThreadsIntegrationTests extends RealBeanstalkdTests {

    @Autowired
    BeanstalkTemplate template;

    @Autowired
    Listener listener;

    @Test
    void workersAreVirtualThreadsOnJdk21AndLater() throws Exception {
        template.put("virtual", "which thread?");

        Thread thread = listener.threads.poll(5, TimeUnit.SECONDS);
        assertThat(thread).isNotNull();
        assertThat(isVirtual(thread)).isEqualTo(Runtime.version().feature() >= 21);
        assertThat(thread.getName()).startsWith("listener.handle-");
    }

    private static boolean isVirtual(Thread thread) throws Exception {
        if (Runtime.version().feature() < 21) {
            return false;
        }
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }

    static final class Listener {

        final BlockingQueue<Thread> threads = new LinkedBlockingQueue<>();

        @BeanstalkListener(tube = "virtual")
        void handle(String text) {
            threads.add(Thread.currentThread());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {

        @Bean
        Listener listener() {
            return new Listener();
        }
    }
}
