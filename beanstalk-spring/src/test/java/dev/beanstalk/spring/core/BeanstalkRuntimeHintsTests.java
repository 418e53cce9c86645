package dev.beanstalk.spring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeStats;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

class BeanstalkRuntimeHintsTests {

    @Test
    void bindsTheClientsValuesAndIsRegisteredInAotFactories() {
        RuntimeHints hints = new RuntimeHints();
        SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
                .load(RuntimeHintsRegistrar.class)
                .forEach(registrar -> registrar.registerHints(hints, getClass().getClassLoader()));

        for (Class<?> value : new Class<?>[] {JobStats.class, TubeStats.class, ServerStats.class}) {
            assertThat(RuntimeHintsPredicates.reflection().onType(value)).accepts(hints);
            assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(value, accessor(value))).accepts(hints);
        }
    }

    private static String accessor(Class<?> value) {
        return value.getRecordComponents()[0].getName();
    }
}
