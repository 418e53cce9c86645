package dev.beanstalk.spring.php;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The strings PHP itself produced, by {@code src/test/php/fixtures.php}, in {@code php-fixtures/}. */
final class PhpFixtures {

    private PhpFixtures() {
    }

    /** The bytes of a fixture file, such as {@code laravel-register-user.json}. */
    static byte[] file(String name) {
        try (InputStream in = PhpFixtures.class.getResourceAsStream("/php-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name + "; run php src/test/php/fixtures.php");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code serialize()} output of {@code serialize.json}, by name. */
    static Map<String, byte[]> serialized() {
        JsonNode all = JsonMapper.shared().readTree(file("serialize.json"));
        Map<String, byte[]> serialized = new LinkedHashMap<>();
        all.properties().forEach(entry -> serialized.put(entry.getKey(),
                Base64.getDecoder().decode(entry.getValue().stringValue())));
        return serialized;
    }

    static byte[] serialized(String name) {
        byte[] bytes = serialized().get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("no serialize() fixture " + name);
        }
        return bytes;
    }
}
