package dev.beanstalk.spring.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.beanstalk.spring.core.JobConversionException;
import dev.beanstalk.spring.core.RetryHints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Laravel envelope against payloads Laravel's own {@code Queue::createPayload} built. */
class LaravelJobConverterTests {

    @PhpClass("App\\Jobs\\RegisterUser")
    record RegisterUser(long id, String name) {
    }

    @PhpClass("App\\Jobs\\SendWelcomeMail")
    record SendWelcomeMail(long id, String name) {
    }

    @PhpClass("App\\Jobs\\LegacyImport")
    record LegacyImport(int id, String name) {
    }

    record Unnamed(long id) {
    }

    private final LaravelJobConverter converter = new LaravelJobConverter(JsonMapper.builder().build());

    @Test
    void aDispatchedJobIsReadWithItsPublicAndProtectedProperties() {
        byte[] body = PhpFixtures.file("laravel-register-user.json");

        assertThat(converter.fromBody(body, RegisterUser.class)).isEqualTo(new RegisterUser(7, "Zoë"));
        PhpObject raw = (PhpObject) converter.fromBody(body, PhpObject.class);
        assertThat(raw.className()).isEqualTo("App\\Jobs\\RegisterUser");
        assertThat(raw.properties()).containsEntry("name", "Zoë").containsEntry("tries", 3L)
                .containsEntry("middleware", Map.of());
        assertThat(converter.fromBody(body, String.class)).isEqualTo(new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void theEnvelopesMaxTriesAndBackoffAreItsRetryHints() {
        assertThat(converter.retryHints(PhpFixtures.file("laravel-register-user.json")))
                .isEqualTo(new RetryHints(3, List.of(Duration.ofSeconds(1), Duration.ofSeconds(2))));
        assertThat(converter.retryHints(PhpFixtures.file("laravel-send-welcome-mail.json"))).isEqualTo(RetryHints.NONE);
        assertThat(converter.retryHints(envelope("0", "\"5\""))).isEqualTo(new RetryHints(Integer.MAX_VALUE,
                List.of(Duration.ofSeconds(5))));
        assertThat(converter.retryHints(envelope("2", "\"x,1\""))).isEqualTo(new RetryHints(2, List.of()));
        assertThat(converter.retryHints("not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(RetryHints.NONE);
    }

    @Test
    void aStringJobIsReadFromItsDataByTheClassBeforeTheAt() {
        assertThat(converter.fromBody(PhpFixtures.file("laravel-string-job.json"), LegacyImport.class))
                .isEqualTo(new LegacyImport(9, "Bo"));
    }

    @Test
    void severalClassesAreRoutedByTheJobsClass() {
        List<Class<?>> candidates = List.of(RegisterUser.class, SendWelcomeMail.class);

        assertThat(converter.fromBodyAsOneOf(PhpFixtures.file("laravel-register-user.json"), candidates))
                .isEqualTo(new RegisterUser(7, "Zoë"));
        assertThat(converter.fromBodyAsOneOf(PhpFixtures.file("laravel-send-welcome-mail.json"), candidates))
                .isEqualTo(new SendWelcomeMail(8, "Ann"));
        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> converter.fromBodyAsOneOf(
                PhpFixtures.file("laravel-string-job.json"), candidates))
                .withMessage("No handler takes the Laravel job of PHP class App\\Jobs\\LegacyImport; the handlers take "
                        + RegisterUser.class.getName() + " (App\\Jobs\\RegisterUser), "
                        + SendWelcomeMail.class.getName()
                        + " (App\\Jobs\\SendWelcomeMail)");
        assertThat(converter.fromBodyAsOneOf(PhpFixtures.file("laravel-string-job.json"),
                List.of(RegisterUser.class, PhpObject.class))).isInstanceOf(PhpObject.class);
    }

    @Test
    void aJobOfAnotherClassOrATypeWithoutPhpClassIsRefused() {
        byte[] body = PhpFixtures.file("laravel-register-user.json");

        assertThatExceptionOfType(JobConversionException.class)
                .isThrownBy(() -> converter.fromBody(body, SendWelcomeMail.class))
                .withMessage("The Laravel job is a PHP App\\Jobs\\RegisterUser, not the App\\Jobs\\SendWelcomeMail"
                        + " that "
                        + SendWelcomeMail.class.getTypeName() + " reads");
        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> converter.fromBody(body,
                Unnamed.class)).withMessageContaining("annotate it with @PhpClass");
    }

    @Test
    void anEncryptedJobIsRefusedClearly() {
        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> converter.fromBody(
                PhpFixtures.file("laravel-encrypted.json"), PhpObject.class))
                .withMessageStartingWith("The Laravel job App\\Jobs\\SendSecret is encrypted (ShouldBeEncrypted)");
    }

    @Test
    void bodiesThatAreNoLaravelJobAreRefused() {
        assertRefused("", "is not a Laravel job");
        assertRefused("[1]", "not a JSON object");
        assertRefused("{\"data\":{}}", "no string 'job'");
        assertRefused("{\"job\":\"Illuminate\\\\Queue\\\\CallQueuedHandler@call\",\"data\":{\"commandName\":\"A\","
                + "\"command\":\"O:1:\\\"B\\\":0:{}\"}}", "is not a A object");
        assertRefused("{\"job\":\"Illuminate\\\\Queue\\\\CallQueuedHandler@call\",\"data\":{\"commandName\":\"A\","
                + "\"command\":\"O:1:\\\"A\\\":1:{\"}}", "Invalid PHP serialize() data at offset");
        assertRefused("{\"job\":\"not a class@x\",\"data\":{}}", "does not name a PHP class");
    }

    @Test
    void aPayloadIsWrittenAsTheEnvelopeLaravelBuilds() {
        byte[] body = converter.toBody(new SendWelcomeMail(3, "Zoë"));

        JsonNode envelope = JsonMapper.shared().readTree(body);
        assertThat(envelope.get("job").stringValue()).isEqualTo("Illuminate\\Queue\\CallQueuedHandler@call");
        assertThat(envelope.get("displayName").stringValue()).isEqualTo("App\\Jobs\\SendWelcomeMail");
        assertThat(envelope.get("uuid").stringValue()).hasSize(36);
        assertThat(envelope.get("maxTries").isNull()).isTrue();
        assertThat(envelope.get("data").get("commandName").stringValue()).isEqualTo("App\\Jobs\\SendWelcomeMail");
        assertThat(envelope.get("data").get("command").stringValue())
                .isEqualTo("O:24:\"App\\Jobs\\SendWelcomeMail\":2:{s:2:\"id\";i:3;s:4:\"name\";s:4:\"Zoë\";}");
        assertThat(converter.fromBody(body, SendWelcomeMail.class)).isEqualTo(new SendWelcomeMail(3, "Zoë"));
        assertThat(converter.toBody(new PhpObject("App\\Jobs\\X", Map.of()))).isNotEmpty();
    }

    @PhpClass("App\\Jobs\\Retried")
    record Retried(long id, int tries, List<Integer> backoff, int timeout) {
    }

    @Test
    void aPayloadsTriesBackoffAndTimeoutGoInTheEnvelopeAsPhpPutsThem() {
        byte[] body = converter.toBody(new Retried(1, 4, List.of(2, 10), 30));

        JsonNode envelope = JsonMapper.shared().readTree(body);
        assertThat(envelope.get("maxTries").asInt()).isEqualTo(4);
        assertThat(envelope.get("backoff").stringValue()).isEqualTo("2,10");
        assertThat(envelope.get("timeout").asInt()).isEqualTo(30);
        assertThat(converter.retryHints(body)).isEqualTo(new RetryHints(4, List.of(Duration.ofSeconds(2),
                Duration.ofSeconds(10))));
    }

    @Test
    void aPayloadWithoutPhpClassIsNotWritten() {
        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> converter.toBody(new Unnamed(1)))
                .withMessageContaining("annotate it with @PhpClass");
        assertThat(converter.toBody("raw")).isEqualTo("raw".getBytes(StandardCharsets.UTF_8));
    }

    private void assertRefused(String body, String message) {
        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> converter.fromBody(
                body.getBytes(StandardCharsets.UTF_8), PhpObject.class)).withMessageContaining(message);
    }

    private static byte[] envelope(String maxTries, String backoff) {
        return ("{\"job\":\"App\\\\Jobs\\\\A@handle\",\"maxTries\":" + maxTries + ",\"backoff\":" + backoff
                + ",\"data\":{}}").getBytes(StandardCharsets.UTF_8);
    }
}
