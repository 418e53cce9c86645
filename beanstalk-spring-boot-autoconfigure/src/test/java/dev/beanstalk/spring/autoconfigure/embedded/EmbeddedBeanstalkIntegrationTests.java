package dev.beanstalk.spring.autoconfigure.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.embedded.EmbeddedBeanstalkd;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.autoconfigure.BeanstalkConnectionDetails;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import java.util.List;
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

/** A whole application with no {@code beanstalk.*} property: it runs on the embedded server. */
@SpringBootTest
@DirtiesContext
class EmbeddedBeanstalkIntegrationTests {

    @Autowired
    EmbeddedBeanstalkd server;

    @Autowired
    BeanstalkConnectionDetails connectionDetails;

    @Autowired
    BeanstalkTemplate template;

    @Autowired
    Orders orders;

    @Test
    void templateAndListenerRoundTrip() throws InterruptedException {
        assertThat(connectionDetails.getServers()).containsExactly(new ServerAddress("127.0.0.1", server.port()));

        long id = template.put("orders", new Order(42, List.of("tea", "café")));

        assertThat(orders.received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Order(42, List.of("tea", "café")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (template.peek(id).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(template.peek(id)).as("the handled job is deleted").isEmpty();
    }

    record Order(int id, List<String> items) {
    }

    static class Orders {

        final BlockingQueue<Order> received = new LinkedBlockingQueue<>();

        @BeanstalkListener(tube = "orders")
        void handle(Order order) {
            received.add(order);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {

        @Bean
        Orders orders() {
            return new Orders();
        }
    }
}
