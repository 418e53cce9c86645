package dev.beanstalk.sample;

import dev.beanstalk.client.JobState;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The sample on the test class's own real beanstalkd, driven over HTTP: what the interop tests share. */
@Beanstalkd
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"beanstalk.listener.retry.initial-delay=1s", "beanstalk.listener.retry.multiplier=1"})
@DirtiesContext
abstract class SampleOnBeanstalkdTests {

    static BeanstalkdServer server;

    @Autowired
    BeanstalkOperations beanstalk;

    @Value("${local.server.port}")
    int port;

    Http http;

    @BeforeAll
    static void start(BeanstalkdServer started) {
        server = started;
    }

    @DynamicPropertySource
    static void beanstalk(DynamicPropertyRegistry properties) {
        properties.add("beanstalk.host", () -> server.host());
        properties.add("beanstalk.port", () -> server.port());
    }

    @BeforeEach
    void http() {
        http = new Http(port);
    }

    /** Whether {@code GET /users/welcomed} lists the user. */
    boolean welcomed(long userId) {
        for (JsonNode user : http.get("/users/welcomed").json()) {
            if (user.get("id").asLong() == userId) {
                return true;
            }
        }
        return false;
    }

    /** The job's state, or null once it is deleted. */
    JobState state(long jobId) {
        return beanstalk.statsJob(jobId).map(JobStats::state).orElse(null);
    }
}
