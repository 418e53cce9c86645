package dev.beanstalk.spring.php;

import dev.beanstalk.spring.core.JobConversionException;
import dev.beanstalk.spring.core.RetryHints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the jobs of Laravel's queue ({@code Illuminate\Queue}), as its {@code createPayload} builds them:
 * a JSON envelope whose {@code data.command} is the job object in PHP's {@code serialize()} format.
 *
 * <p>Reading, a job {@code dispatch}ed in PHP becomes the Java type whose {@link PhpClass} names its class, filled
 * from its public, protected and private properties; a string job ({@code Queue::push('Class@method', $data)}) is
 * read the same way from its {@code data}, by the class before the {@code @}. The envelope's {@code maxTries} and
 * {@code backoff} are the job's {@link #retryHints retry hints}. An encrypted job ({@code ShouldBeEncrypted}) cannot
 * be read without the PHP app's key and is refused.
 *
 * <p>Writing, a payload whose type has a {@link PhpClass} (or a {@link PhpObject}) becomes a job that Laravel's
 * worker runs as that class, its properties set from the payload's (as public properties; PHP assigns them to
 * protected and private ones of the same name too). As in PHP, its {@code tries}, {@code maxExceptions},
 * {@code failOnTimeout}, {@code backoff} (seconds, or a list of them) and {@code timeout} properties, when it has
 * them, become the envelope's.
 */
public final class LaravelJobConverter extends PhpJobConverter {

    /** The {@code job} of an envelope carrying a job object: Laravel's handler that unserializes and runs it. */
    public static final String CALL_QUEUED_HANDLER = "Illuminate\\Queue\\CallQueuedHandler@call";

    public LaravelJobConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    String format() {
        return "Laravel";
    }

    @Override
    Message decode(byte[] body) {
        JsonNode envelope = readJson(body, "a Laravel job");
        String job = text(envelope, "job", "a Laravel job");
        JsonNode data = envelope.path("data");
        PhpObject object = CALL_QUEUED_HANDLER.equals(job) ? command(data) : stringJob(job, data);
        return new Message(object, hints(envelope));
    }

    private static PhpObject command(JsonNode data) {
        String commandName = text(data, "commandName", "a Laravel job");
        String command = text(data, "command", "a Laravel job");
        if (!command.startsWith("O:")) {
            throw new JobConversionException("The Laravel job " + commandName + " is encrypted (ShouldBeEncrypted):"
                    + " only the PHP app's APP_KEY can read it; queue it unencrypted to handle it in Java");
        }
        Object value = PhpSerialization.unserialize(command.getBytes(StandardCharsets.UTF_8));
        if (!(value instanceof PhpObject object) || !object.className().equals(commandName)) {
            throw new JobConversionException("The command of the Laravel job " + commandName + " is not a "
                    + commandName + " object: " + abbreviate(command));
        }
        return object;
    }

    private static PhpObject stringJob(String job, JsonNode data) {
        String className = job.contains("@") ? job.substring(0, job.indexOf('@')) : job;
        if (!PhpSerialization.isClassName(className)) {
            throw new JobConversionException("The Laravel job '" + job + "' does not name a PHP class");
        }
        return new PhpObject(className, data.isMissingNode() || data.isNull() ? Map.of() : PhpTrees.properties(data));
    }

    /** {@code maxTries} (0 for unlimited) and {@code backoff} ({@code "1,5,10"} seconds), when the job sets them. */
    private static RetryHints hints(JsonNode envelope) {
        JsonNode maxTries = envelope.path("maxTries");
        Integer attempts = maxTries.isIntegralNumber() && maxTries.canConvertToInt() && maxTries.intValue() >= 0
                ? (maxTries.intValue() == 0 ? Integer.MAX_VALUE : maxTries.intValue()) : null;
        JsonNode backoff = envelope.path("backoff");
        List<Duration> delays = new ArrayList<>();
        String text = backoff.isIntegralNumber() || backoff.isString() ? backoff.asString() : "";
        for (String seconds : text.isBlank() ? new String[0] : text.split(",")) {
            if (!seconds.strip().matches("[0-9]{1,9}")) {
                return new RetryHints(attempts, List.of());
            }
            delays.add(Duration.ofSeconds(Long.parseLong(seconds.strip())));
        }
        return new RetryHints(attempts, delays);
    }

    private static Long integer(Object value) {
        return value instanceof Long number ? number : null;
    }

    /** As {@code Queue::getJobBackoff}: seconds, or a list of them joined by commas. */
    private static String backoff(Object value) {
        if (value instanceof Long seconds) {
            return seconds.toString();
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Long.class::isInstance)) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return null;
    }

    @Override
    byte[] encode(PhpObject object) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("uuid", UUID.randomUUID().toString());
        envelope.put("displayName", object.className());
        envelope.put("job", CALL_QUEUED_HANDLER);
        Map<String, Object> properties = object.properties();
        envelope.putPOJO("maxTries", integer(properties.get("tries")));
        envelope.putPOJO("maxExceptions", integer(properties.get("maxExceptions")));
        envelope.put("failOnTimeout", Boolean.TRUE.equals(properties.get("failOnTimeout")));
        envelope.putPOJO("backoff", backoff(properties.get("backoff")));
        envelope.putPOJO("timeout", integer(properties.get("timeout")));
        envelope.putNull("retryUntil");
        ObjectNode data = envelope.putObject("data");
        data.put("commandName", object.className());
        data.put("command", new String(PhpSerialization.serialize(object), StandardCharsets.UTF_8));
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JacksonException e) {
            throw new JobConversionException("Could not write the Laravel job " + object.className() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
