package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(properties = "spring.main.lazy-initialization=true")
@DirtiesContext
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LazyInitializationIntegrationTests extends RealBeanstalkdTests {

    @Autowired
    BeanstalkTemplate template;

    @Test
    void listenersRunUnderLazyInitialization() {
        long id = template.put("lazy", "still handled");

        Await.until(Duration.ofSeconds(10), "the job is handled", () -> template.statsJob(id).isEmpty());
        assertThat(Config.handled).containsExactly("still handled");
    }

    /** Nothing asks for this bean, so lazy initialization alone would never create it. */
    static final class LazyListener {

        @BeanstalkListener(tube = "lazy")
        void handle(String text) {
            Config.handled.add(text);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {

        static final List<String> handled = new CopyOnWriteArrayList<>();

        @Bean
        LazyListener lazyListener() {
            return new LazyListener();
        }
    }
}
