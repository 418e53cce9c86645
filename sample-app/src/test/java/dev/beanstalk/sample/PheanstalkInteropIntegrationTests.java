package dev.beanstalk.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.sample.users.UserRegistration;
import dev.beanstalk.sample.users.WelcomeMailer;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The sample and Debian's Pheanstalk 4 on the same real beanstalkd: each side handles what the other put. */
class PheanstalkInteropIntegrationTests extends SampleOnBeanstalkdTests {

    private static Php php;

    @Autowired
    WelcomeMailer mailer;

    @Autowired
    BeanstalkListenerEndpointRegistry listeners;

    @BeforeAll
    static void php() {
        php = Php.require();
    }

    @Test
    void registrationPutByPhpIsWelcomedByTheSample() {
        long id = Long.parseLong(php.run("producer.php", server.host(), server.port(), 101, "test"));

        Await.until(Duration.ofSeconds(10), "user 101 is welcomed", () -> welcomed(101));
        assertThat(mailer.welcomed()).contains(new UserRegistration(101, "test"));
        assertThat(beanstalk.statsJob(id)).as("the handled job is deleted").isEmpty();
    }

    @Test
    void registrationPostedToTheSampleIsReservedAndDecodedByPhp() {
        BeanstalkListenerContainer welcome = listeners.getListenerContainer(WelcomeMailer.LISTENER_ID);
        welcome.stop();
        try {
            Http.Response posted = http.postJson("/users", "{\"id\":102,\"name\":\"test\"}");
            assertThat(posted.status()).isEqualTo(202);
            long jobId = posted.json().get("jobId").asLong();

            JsonNode consumed = php.runJson("consumer.php", server.host(), server.port(), 5);

            assertThat(consumed.get("jobId").asLong()).isEqualTo(jobId);
            assertThat(consumed.get("id").asLong()).isEqualTo(102);
            assertThat(consumed.get("name").asString()).isEqualTo("test");
            assertThat(beanstalk.statsJob(jobId)).as("PHP deleted the job").isEmpty();
        } finally {
            welcome.start();
        }
        assertThat(mailer.welcomed()).extracting(UserRegistration::id).doesNotContain(102L);
    }

    @Test
    void jobDeadLetteredByTheSampleIsMovedBackByPhpAndHandledAgain() {
        long jobId = http.postJson("/users", "{\"id\":103,\"name\":\"fail\"}").json().get("jobId").asLong();
        Await.until(Duration.ofSeconds(15), "the failing job is dead-lettered", () -> beanstalk.statsJob(jobId).isEmpty()
                && beanstalk.peekReady("failed").isPresent());
        assertThat(attempts(jobId)).containsExactly(1L, 2L, 3L);
        assertThat(beanstalk.peekReady("failed").orElseThrow().bodyAsString())
                .isEqualTo("{\"id\":103,\"name\":\"fail\"}");

        long moved = Long.parseLong(php.run("requeue.php", server.host(), server.port(), "failed", "userReg"));

        Await.until(Duration.ofSeconds(15), "the moved job fails its attempts again and is dead-lettered",
                () -> attempts(moved).size() == 3 && beanstalk.statsJob(moved).isEmpty()
                        && beanstalk.peekReady("failed").isPresent());
        assertThat(attempts(moved)).containsExactly(1L, 2L, 3L);
        assertThat(beanstalk.peekReady("failed").orElseThrow().bodyAsString())
                .isEqualTo("{\"id\":103,\"name\":\"fail\"}");
    }

    private List<Long> attempts(long jobId) {
        return mailer.failures().stream().filter(failure -> failure.jobId() == jobId)
                .map(WelcomeMailer.FailedAttempt::attempt).toList();
    }
}
