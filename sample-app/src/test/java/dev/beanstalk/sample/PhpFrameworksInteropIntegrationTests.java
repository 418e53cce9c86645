package dev.beanstalk.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.sample.php.PhpFrameworksConfiguration;
import dev.beanstalk.sample.users.UserRegistration;
import dev.beanstalk.sample.users.WelcomeMailer;
import dev.beanstalk.spring.annotation.BeanstalkHandler;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.core.JobConversionException;
import dev.beanstalk.spring.listener.JobHandle;
import dev.beanstalk.spring.php.PhpClass;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/**
 * The sample with Debian's real Laravel queue ({@code Illuminate\Queue}) and Symfony Messenger (its beanstalkd
 * transport, with each serializer) on one real beanstalkd: each side runs the jobs the other queued.
 */
@Timeout(90)
class PhpFrameworksInteropIntegrationTests extends SampleOnBeanstalkdTests {

    private static Php php;

    @Autowired
    WelcomeMailer mailer;

    @Autowired
    RoutedLaravelJobs routed;

    @Autowired
    FailingLaravelJobs failing;

    @Autowired
    RoutedSymfonyMessages routedMessages;

    @BeforeAll
    static void php() {
        php = Php.requireFrameworks();
    }

    @Test
    void aJobDispatchedByLaravelIsHandledByTheSampleWithItsTypedFields() {
        long id = dispatch("laravel-users", "RegisterUser", 201, "Ann");

        Await.until(Duration.ofSeconds(10), "user 201 is welcomed", () -> welcomed(201));
        assertThat(mailer.welcomed()).contains(new UserRegistration(201, "Ann"));
        assertThat(beanstalk.statsJob(id)).as("the handled job is deleted").isEmpty();
    }

    @Test
    void laravelJobsOfSeveralClassesOnOneTubeGoToTheirOwnHandlers() {
        dispatch("laravel-routed", "SendWelcomeMail", 211, "Bo");
        dispatch("laravel-routed", "CloseAccount", 212, "Cy", "moved away");
        long unknown = dispatch("laravel-routed", "RegisterUser", 213, "Di");

        Await.until(Duration.ofSeconds(10), "both jobs are handled", () -> routed.handled.size() == 2);
        assertThat(routed.handled).containsExactly(new SendWelcomeMail(211, "Bo"),
                new CloseAccount(212, "Cy", "moved away"));
        Await.until(Duration.ofSeconds(10), "the job no handler takes is dead-lettered",
                () -> deadLetter(unknown) != null);
        assertThat(deadLetter(unknown).get("failure").asString()).as("a conversion failure: never retried")
                .startsWith(JobConversionException.class.getName());
    }

    @Test
    void aFailingHandlerIsRetriedAsTheLaravelJobsTriesAndBackoffSay() {
        long id = dispatch("laravel-failing", "FailingJob", 221, "Ed");

        Await.until(Duration.ofSeconds(15), "the failing job is dead-lettered", () -> deadLetter(id) != null);
        assertThat(failing.attempts).as("$tries = 2, not the sample's max-attempts of 3").containsExactly(1L, 2L);
        assertThat(beanstalk.statsJob(id)).as("moved to the dead-letter tube").isEmpty();
    }

    @Test
    void anEncryptedLaravelJobIsDeadLetteredAtOnce() {
        long id = dispatch("laravel-users", "SendSecret", 231, "Fay");

        Await.until(Duration.ofSeconds(10), "the encrypted job is dead-lettered", () -> deadLetter(id) != null);
        assertThat(deadLetter(id).get("failure").asString()).as("refused as a conversion failure: never retried")
                .startsWith(JobConversionException.class.getName()).contains("ShouldBeEncrypted");
        assertThat(mailer.welcomed()).extracting(UserRegistration::id).doesNotContain(231L);
    }

    @Test
    void aRegistrationNotifyingLaravelQueuesAJobLaravelsWorkerRuns() {
        Http.Response posted = http.postJson("/users", "{\"id\":241,\"name\":\"Zoë\",\"notify\":\"laravel\"}");
        assertThat(posted.status()).isEqualTo(202);

        JsonNode ran = php.runJson("laravel-work.php", server.host(), server.port(), "laravel-mail");

        assertThat(ran.get("class").asString()).isEqualTo("App\\Jobs\\SendWelcomeMail");
        assertThat(ran.get("id").asLong()).isEqualTo(241);
        assertThat(ran.get("name").asString()).isEqualTo("Zoë");
        assertThat(beanstalk.statsTube("laravel-mail").orElseThrow().currentJobsReady()).isZero();
        assertThat(http.postJson("/users", "{\"id\":242,\"name\":\"x\",\"notify\":\"rails\"}").status())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource({"json, 301", "php, 302"})
    void aMessageSentBySymfonyMessengerIsHandledByTheSample(String serializer, long userId) {
        php.run("symfony-send.php", server.host(), server.port(), "symfony-users", serializer, "RegisterUser",
                userId, "Gus");

        Await.until(Duration.ofSeconds(10), "user " + userId + " is welcomed", () -> welcomed(userId));
        assertThat(mailer.welcomed()).contains(new UserRegistration(userId, "Gus"));
    }

    @Test
    void symfonyMessagesOfSeveralClassesOnOneTubeGoToTheirOwnHandlersWithEitherSerializer() {
        for (String serializer : List.of("json", "php")) {
            php.run("symfony-send.php", server.host(), server.port(), "symfony-routed", serializer, "RegisterUser",
                    321, serializer);
            php.run("symfony-send.php", server.host(), server.port(), "symfony-routed", serializer,
                    "SendWelcomeMail", 322, serializer);
        }

        Await.until(Duration.ofSeconds(10), "the four messages are handled", () -> routedMessages.handled.size() == 4);
        assertThat(routedMessages.handled).containsExactly(new SymfonyRegisterUser(321, "json"),
                new SymfonySendWelcomeMail(322, "json"), new SymfonyRegisterUser(321, "php"),
                new SymfonySendWelcomeMail(322, "php"));
    }

    @Test
    void aRegistrationNotifyingSymfonySendsAMessageMessengersWorkerHandles() {
        Http.Response posted = http.postJson("/users", "{\"id\":311,\"name\":\"Zoë\",\"notify\":\"symfony\"}");
        assertThat(posted.status()).isEqualTo(202);

        JsonNode ran = php.runJson("symfony-work.php", server.host(), server.port(), "symfony-mail", "json");

        assertThat(ran.get("class").asString()).isEqualTo("App\\Message\\SendWelcomeMail");
        assertThat(ran.get("id").asLong()).isEqualTo(311);
        assertThat(ran.get("name").asString()).isEqualTo("Zoë");
        assertThat(beanstalk.statsTube("symfony-mail").orElseThrow().currentJobsReady()).isZero();
    }

    private long dispatch(String tube, String jobClass, Object... arguments) {
        Object[] all = new Object[4 + arguments.length];
        all[0] = server.host();
        all[1] = server.port();
        all[2] = tube;
        all[3] = jobClass;
        System.arraycopy(arguments, 0, all, 4, arguments.length);
        return Long.parseLong(php.run("laravel-dispatch.php", all));
    }


    @PhpClass("App\\Jobs\\SendWelcomeMail")
    record SendWelcomeMail(long id, String name) {
    }

    /** Its {@code $name} is protected and {@code $reason} private in PHP. */
    @PhpClass("App\\Jobs\\CloseAccount")
    record CloseAccount(long id, String name, String reason) {
    }

    @PhpClass("App\\Jobs\\FailingJob")
    record FailingJob(long id, String name) {
    }

    /** Two Laravel job classes on one tube, each to its own method. */
    @BeanstalkListener(id = "laravelRouted", tube = "laravel-routed", converter = PhpFrameworksConfiguration.LARAVEL)
    static class RoutedLaravelJobs {

        final List<Object> handled = new CopyOnWriteArrayList<>();

        @BeanstalkHandler
        void mail(SendWelcomeMail mail) {
            handled.add(mail);
        }

        @BeanstalkHandler
        void close(CloseAccount close) {
            handled.add(close);
        }
    }

    @PhpClass("App\\Message\\RegisterUser")
    record SymfonyRegisterUser(long id, String name) {
    }

    /** Its {@code $id} and {@code $name} are private in PHP. */
    @PhpClass("App\\Message\\SendWelcomeMail")
    record SymfonySendWelcomeMail(long id, String name) {
    }

    /** Two Symfony Messenger message classes on one tube, each to its own method. */
    @BeanstalkListener(id = "symfonyRouted", tube = "symfony-routed", converter = PhpFrameworksConfiguration.SYMFONY)
    static class RoutedSymfonyMessages {

        final List<Object> handled = new CopyOnWriteArrayList<>();

        @BeanstalkHandler
        void register(SymfonyRegisterUser user) {
            handled.add(user);
        }

        @BeanstalkHandler
        void mail(SymfonySendWelcomeMail mail) {
            handled.add(mail);
        }
    }

    /** Fails every time, so that the job's {@code $tries} and {@code $backoff} decide its retries. */
    static class FailingLaravelJobs {

        final List<Long> attempts = new CopyOnWriteArrayList<>();

        @BeanstalkListener(id = "laravelFailing", tube = "laravel-failing",
                converter = PhpFrameworksConfiguration.LARAVEL)
        void fail(FailingJob job, JobHandle handle) {
            attempts.add(handle.attempt());
            throw new IllegalStateException("job " + job.id() + " fails on purpose");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listeners {

        @Bean
        RoutedLaravelJobs routedLaravelJobs() {
            return new RoutedLaravelJobs();
        }

        @Bean
        FailingLaravelJobs failingLaravelJobs() {
            return new FailingLaravelJobs();
        }

        @Bean
        RoutedSymfonyMessages routedSymfonyMessages() {
            return new RoutedSymfonyMessages();
        }
    }

    /** The sample's record of the job it moved to the dead-letter tube in place of {@code jobId}, or null. */
    private @Nullable JsonNode deadLetter(long jobId) {
        for (JsonNode letter : http.get("/admin/dead-letters").json().get("jobs")) {
            if (letter.get("originalJobId").asLong() == jobId) {
                return letter;
            }
        }
        return null;
    }
}
