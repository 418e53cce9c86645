package dev.beanstalk.spring.php;

import dev.beanstalk.spring.core.JobConversionException;
import dev.beanstalk.spring.core.RetryHints;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the messages of Symfony Messenger's beanstalkd transport ({@code symfony/beanstalkd-messenger}):
 * {@code {"body": ..., "headers": {...}}}.
 *
 * <p>Reading takes both of Messenger's serializers: the Symfony {@code Serializer} (a JSON body, the message class
 * in the {@code type} header, stamps in {@code X-Message-Stamp-*} headers, which are ignored) and the default
 * {@code PhpSerializer} (the whole {@code Envelope} in PHP's {@code serialize()} format, slashed, or base64 when it
 * is not UTF-8). The message becomes the Java type whose {@link PhpClass} names its class.
 *
 * <p>Writing uses the Symfony {@code Serializer}'s format, which a Messenger transport configured with
 * {@code messenger.transport.symfony_serializer} reads: the payload's properties as the JSON body, its
 * {@link PhpClass} as the {@code type} header.
 */
public final class SymfonyMessengerJobConverter extends PhpJobConverter {

    /** The PHP class that {@code PhpSerializer} serializes: the message and its stamps. */
    public static final String ENVELOPE = "Symfony\\Component\\Messenger\\Envelope";

    public SymfonyMessengerJobConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    String format() {
        return "Symfony Messenger";
    }

    @Override
    Message decode(byte[] body) {
        JsonNode envelope = readJson(body, "a Symfony Messenger message");
        String content = text(envelope, "body", "a Symfony Messenger message");
        JsonNode type = envelope.path("headers").path("type");
        PhpObject message = type.isString() ? fromJson(type.stringValue(), content) : fromPhpSerializer(content);
        return new Message(message, RetryHints.NONE);
    }

    private PhpObject fromJson(String type, String content) {
        if (!PhpSerialization.isClassName(type)) {
            throw new JobConversionException("The Symfony Messenger message type '" + type + "' is not a PHP class");
        }
        JsonNode properties = readJson(content.getBytes(StandardCharsets.UTF_8), "the JSON of a " + type);
        return new PhpObject(type, PhpTrees.properties(properties));
    }

    /** As {@code PhpSerializer::decode}: base64 unless it ends with '}', then stripslashes, then unserialize. */
    private static PhpObject fromPhpSerializer(String content) {
        byte[] slashed;
        if (content.endsWith("}")) {
            slashed = content.getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                slashed = Base64.getDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                throw new JobConversionException("A Symfony Messenger message has neither a type header nor a"
                        + " PhpSerializer body: " + abbreviate(content), e);
            }
        }
        Object value = PhpSerialization.unserialize(stripSlashes(slashed));
        if (value instanceof PhpObject envelope && ENVELOPE.equals(envelope.className())
                && envelope.properties().get("message") instanceof PhpObject message) {
            return message;
        }
        throw new JobConversionException("A Symfony Messenger PhpSerializer body is not a " + ENVELOPE
                + " with a message object");
    }

    /** As PHP's {@code stripslashes}: {@code \0} becomes NUL, a backslash before any other byte is dropped. */
    static byte[] stripSlashes(byte[] slashed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(slashed.length);
        for (int i = 0; i < slashed.length; i++) {
            byte b = slashed[i];
            if (b != '\\') {
                out.write(b);
            } else if (i + 1 < slashed.length) {
                byte escaped = slashed[++i];
                out.write(escaped == '0' ? 0 : escaped);
            }
        }
        return out.toByteArray();
    }

    @Override
    byte[] encode(PhpObject object) {
        try {
            ObjectNode envelope = mapper.createObjectNode();
            envelope.put("body", mapper.writeValueAsString(PhpTrees.toTree(object)));
            ObjectNode headers = envelope.putObject("headers");
            headers.put("type", object.className());
            headers.put("Content-Type", "application/json");
            return mapper.writeValueAsBytes(envelope);
        } catch (JacksonException e) {
            throw new JobConversionException("Could not write the Symfony Messenger message " + object.className()
                    + ": " + e.getOriginalMessage(), e);
        }
    }
}
