package dev.beanstalk.spring.php;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A PHP object: its class name and its properties (public, protected and private alike, by their plain names), in
 * the order PHP wrote them. Values are {@code null}, {@code Boolean}, {@code Long}, {@code Double}, {@code String},
 * {@code Map} (a PHP array, keyed by {@code Long} and {@code String}), {@code PhpObject} and {@link PhpEnum}.
 *
 * <p>As a listener's payload type it accepts a job of any class.
 */
public record PhpObject(String className, Map<String, Object> properties) {

    public PhpObject {
        PhpSerialization.requireClassName(className);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(properties,
                "properties")));
    }
}
