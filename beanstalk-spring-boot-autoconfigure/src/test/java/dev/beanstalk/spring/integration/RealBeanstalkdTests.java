package dev.beanstalk.spring.integration;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Points a test class's application context at the real beanstalkd that {@link Beanstalkd} starts for it; a subclass
 * may redeclare {@code @Beanstalkd} with options.
 */
@Beanstalkd
abstract class RealBeanstalkdTests {

    static BeanstalkdServer server;

    @BeforeAll
    static void server(BeanstalkdServer started) {
        server = started;
    }

    @DynamicPropertySource
    static void beanstalk(DynamicPropertyRegistry properties) {
        properties.add("beanstalk.host", () -> server.host());
        properties.add("beanstalk.port", () -> server.port());
    }
}
