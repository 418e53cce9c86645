package dev.beanstalk.spring.core;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.ServerAddress;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/** A put that fails is observed as a failure with its error; without a registry nothing is observed. */
@Timeout(30)
class BeanstalkTemplateObservationTests {

    private final BeanstalkClient unreachable = BeanstalkClient.builder().options(ConnectionOptions.builder()
            .servers(List.of(new ServerAddress("127.0.0.1", 1)))
            .connectTimeout(Duration.ofSeconds(2))
            .build()).build();

    private final TestObservationRegistry registry = TestObservationRegistry.create();

    @AfterEach
    void close() {
        unreachable.close();
    }

    @Test
    void aFailedPutIsAFailureWithItsError() {
        BeanstalkTemplate template = BeanstalkTemplate.builder(unreachable, new JsonJobConverter(JsonMapper.shared()))
                .observationRegistry(registry).build();

        assertThatExceptionOfType(BeanstalkConnectionException.class).isThrownBy(() -> template.put("mail", "hi"));

        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .hasNameEqualTo("beanstalk.template")
                .hasContextualNameEqualTo("put mail")
                .hasLowCardinalityKeyValue("tube", "mail")
                .hasLowCardinalityKeyValue("outcome", "failure")
                .doesNotHaveHighCardinalityKeyValueWithKey("job.id")
                .hasError()
                .hasBeenStopped();
    }

    @Test
    void observesNothingWithoutARegistry() {
        BeanstalkTemplate template = BeanstalkTemplate.builder(unreachable, new JsonJobConverter(JsonMapper.shared()))
                .build();

        assertThatExceptionOfType(BeanstalkConnectionException.class).isThrownBy(() -> template.put("mail", "hi"));

        TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
    }
}
