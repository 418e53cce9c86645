package dev.beanstalk.spring.core;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes payloads as plain JSON, exactly the document and no envelope, as PHP's {@code json_encode} or Go's
 * {@code encoding/json} would; {@code String} and {@code byte[]} payloads go as they are.
 */
public final class JsonJobConverter implements JobConverter {

    private final JsonMapper mapper;

    public JsonJobConverter(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public byte[] toBody(Object payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JacksonException e) {
            throw new JobConversionException("Could not write " + payload.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public @Nullable Object fromBody(byte[] body, Type type) {
        if (type == byte[].class) {
            return body;
        }
        if (type == String.class) {
            return new String(body, StandardCharsets.UTF_8);
        }
        try {
            return mapper.readValue(body, mapper.constructType(type));
        } catch (JacksonException e) {
            throw new JobConversionException("Could not read a " + body.length + "-byte body as " + type.getTypeName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }
}
