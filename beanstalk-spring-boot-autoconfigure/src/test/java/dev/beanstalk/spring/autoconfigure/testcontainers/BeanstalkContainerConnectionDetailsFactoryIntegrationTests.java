package dev.beanstalk.spring.autoconfigure.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.spring.autoconfigure.BeanstalkConnectionDetails;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Needs Docker; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "beanstalk.port=1")
class BeanstalkContainerConnectionDetailsFactoryIntegrationTests {

    @Container
    @ServiceConnection
    static final GenericContainer<?> beanstalkd = new GenericContainer<>("schickling/beanstalkd:latest")
            .withExposedPorts(BeanstalkContainerConnectionDetailsFactory.BEANSTALKD_PORT);

    @Autowired
    BeanstalkConnectionDetails connectionDetails;

    @Autowired
    BeanstalkClient client;

    @Autowired
    BeanstalkTemplate template;

    @Test
    void connectsToTheContainer() {
        ServerAddress container = new ServerAddress(beanstalkd.getHost(),
                beanstalkd.getMappedPort(BeanstalkContainerConnectionDetailsFactory.BEANSTALKD_PORT));
        assertThat(connectionDetails.getServers()).containsExactly(container);
        assertThat(client.options().servers()).containsExactly(container);
        long id = template.put("service-connection", "hello");
        assertThat(template.peek(id).orElseThrow().bodyAsString()).isEqualTo("hello");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {
    }
}
