package dev.beanstalk.spring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.json.JsonMapper;

class JsonJobConverterTests {

    private final JsonJobConverter converter = new JsonJobConverter(JsonMapper.builder().build());

    @Test
    void writesPlainJsonWithoutAnEnvelope() {
        assertThat(text(converter.toBody(new UserRegistered(1, "test")))).isEqualTo("{\"id\":1,\"name\":\"test\"}");
        assertThat(text(converter.toBody(Map.of("a", List.of(1, 2))))).isEqualTo("{\"a\":[1,2]}");
    }

    @Test
    void stringsAndBytesPassThrough() {
        byte[] bytes = {0, (byte) 0xff};
        assertThat(converter.toBody(bytes)).isSameAs(bytes);
        assertThat(converter.toBody("not \"json\"")).isEqualTo("not \"json\"".getBytes(StandardCharsets.UTF_8));
        assertThat(converter.fromBody(bytes, byte[].class)).isSameAs(bytes);
        assertThat(converter.fromBody("{\"x\":1}".getBytes(StandardCharsets.UTF_8), String.class)).isEqualTo("{\"x\":1}");
    }

    @Test
    void readsWhatPhpJsonEncodeWrites() {
        byte[] php = "{\"id\":7,\"name\":\"Jos\\u00e9 \\/ Ana\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(converter.fromBody(php, UserRegistered.class)).isEqualTo(new UserRegistered(7, "José / Ana"));
    }

    @Test
    void readsGenericTypes() {
        byte[] body = "[{\"id\":1,\"name\":\"a\"}]".getBytes(StandardCharsets.UTF_8);
        assertThat(converter.fromBody(body, new ParameterizedTypeReference<List<UserRegistered>>() {
        }.getType())).isEqualTo(List.of(new UserRegistered(1, "a")));
    }

    @Test
    void unreadableBodyFailsWithTheType() {
        assertThatExceptionOfType(JobConversionException.class)
                .isThrownBy(() -> converter.fromBody("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                        UserRegistered.class))
                .withMessageContaining(UserRegistered.class.getName()).withMessageContaining("10-byte body");
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    record UserRegistered(long id, String name) {
    }
}
