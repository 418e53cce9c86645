package dev.beanstalk.spring.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.beanstalk.spring.core.JobConversionException;
import dev.beanstalk.spring.core.RetryHints;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Symfony Messenger's beanstalkd messages, against what its Serializer and PhpSerializer wrote. */
class SymfonyMessengerJobConverterTests {

    @PhpClass("App\\Message\\RegisterUser")
    record RegisterUser(long id, String name) {
    }

    @PhpClass("App\\Message\\SendWelcomeMail")
    record SendWelcomeMail(long id, String name) {
    }

    private final SymfonyMessengerJobConverter converter = new SymfonyMessengerJobConverter(
            JsonMapper.builder().build());

    @Test
    void aMessageOfTheSymfonySerializerIsReadByItsTypeHeader() {
        byte[] body = PhpFixtures.file("symfony-json.json");

        assertThat(converter.fromBody(body, RegisterUser.class)).isEqualTo(new RegisterUser(5, "Zoë"));
        assertThat(converter.retryHints(body)).isEqualTo(RetryHints.NONE);
    }

    @Test
    void aMessageOfThePhpSerializerIsReadFromItsEnvelope() {
        assertThat(converter.fromBody(PhpFixtures.file("symfony-php.json"), RegisterUser.class))
                .isEqualTo(new RegisterUser(5, "Zoë"));
    }

    @Test
    void aBase64PhpSerializerBodyIsDecodedAndItsBinaryStringRefused() {
        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> converter.fromBody(
                PhpFixtures.file("symfony-php-base64.json"), RegisterUser.class)).withMessageContaining("is not UTF-8");
    }

    @Test
    void messagesAreRoutedByClass() {
        List<Class<?>> candidates = List.of(SendWelcomeMail.class, RegisterUser.class);

        assertThat(converter.fromBodyAsOneOf(PhpFixtures.file("symfony-php.json"), candidates))
                .isEqualTo(new RegisterUser(5, "Zoë"));
        assertThat(converter.fromBodyAsOneOf(PhpFixtures.file("symfony-json.json"), candidates))
                .isEqualTo(new RegisterUser(5, "Zoë"));
        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> converter.fromBodyAsOneOf(
                PhpFixtures.file("symfony-json.json"), List.of(SendWelcomeMail.class)))
                .withMessageStartingWith("No handler takes the Symfony Messenger job of PHP class"
                        + " App\\Message\\RegisterUser");
    }

    @Test
    void aPayloadIsWrittenAsTheSymfonySerializerWould() {
        byte[] body = converter.toBody(new SendWelcomeMail(9, "Zoë"));

        JsonNode envelope = JsonMapper.shared().readTree(body);
        assertThat(envelope.get("body").stringValue()).isEqualTo("{\"id\":9,\"name\":\"Zoë\"}");
        assertThat(envelope.get("headers").get("type").stringValue()).isEqualTo("App\\Message\\SendWelcomeMail");
        assertThat(envelope.get("headers").get("Content-Type").stringValue()).isEqualTo("application/json");
        assertThat(converter.fromBody(body, SendWelcomeMail.class)).isEqualTo(new SendWelcomeMail(9, "Zoë"));
    }

    @Test
    void bodiesThatAreNoMessengerMessageAreRefused() {
        assertRefused("{\"headers\":{}}", "no string 'body'");
        assertRefused("{\"body\":\"{}\",\"headers\":{\"type\":\"1x\"}}", "is not a PHP class");
        assertRefused("{\"body\":\"not base64!\",\"headers\":[]}", "neither a type header nor a PhpSerializer body");
        assertRefused("{\"body\":\"O:8:\\\"stdClass\\\":0:{}\",\"headers\":[]}", "is not a "
                + SymfonyMessengerJobConverter.ENVELOPE);
        assertRefused("{\"body\":\"[1]\",\"headers\":{\"type\":\"App\\\\A\"}}", "not a JSON object");
    }

    @Test
    void stripSlashesUndoesAddSlashes() {
        assertThat(SymfonyMessengerJobConverter.stripSlashes("a\\\"b\\\\c\\0d\\".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("a\"b\\c\0d".getBytes(StandardCharsets.UTF_8));
    }

    private void assertRefused(String body, String message) {
        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> converter.fromBody(
                body.getBytes(StandardCharsets.UTF_8), PhpObject.class)).withMessageContaining(message);
    }
}
