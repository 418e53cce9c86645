package dev.beanstalk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.spring.event.JobBuriedEvent;
import dev.beanstalk.spring.event.JobDeadLetteredEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's in-memory state is bounded by construction, and its rates survive a server restart. */
class BoundedMemoryTests {

    @Test
    void aRingKeepsOnlyItsLastValuesOldestFirst() {
        Ring<Integer> ring = new Ring<>(3);
        for (int i = 1; i <= 10; i++) {
            ring.add(i);
        }
        assertThat(ring.toList()).containsExactly(8, 9, 10);
        assertThatThrownBy(() -> new Ring<>(0)).hasMessage("capacity must be at least 1, was 0");
    }

    @Test
    void ratesArePerSecondAndACounterThatWentDownCountsFromZero() {
        List<Sample> samples = List.of(new Sample(0, new long[] {100}), new Sample(2000, new long[] {110}),
                new Sample(4000, new long[] {4}));

        Sample.Rates rates = Sample.rates(samples, 1);

        assertThat(rates.times()).containsExactly(2000, 4000);
        assertThat(rates.series()[0]).containsExactly(5.0, 2.0);
        assertThat(Sample.rates(List.of(), 4).times()).isEmpty();
    }

    @Test
    void remembersTheLastFailuresOfEachContainerNewestFirstWithTheirTrace() {
        ListenerFailures failures = new ListenerFailures();
        for (int i = 0; i < ListenerFailures.PER_CONTAINER + 5; i++) {
            failures.onApplicationEvent(new JobBuriedEvent(this, "mailer", i, new IllegalStateException("boom " + i)));
        }
        failures.onApplicationEvent(new JobDeadLetteredEvent(this, "mailer", 99, "mail", "failed", 100,
                new IllegalArgumentException("bad")));

        List<ListenerFailures.Failure> remembered = failures.of("mailer");

        assertThat(remembered).hasSize(ListenerFailures.PER_CONTAINER);
        assertThat(remembered.get(0).outcome()).isEqualTo("dead-lettered");
        assertThat(remembered.get(0).exception()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(remembered.get(1).message()).isEqualTo("boom 24");
        assertThat(remembered.get(1).stackTrace()).contains("BoundedMemoryTests");
        assertThat(failures.of("nobody")).isEmpty();
    }

    @Test
    void failuresOfTooManyContainersAreNotRemembered() {
        ListenerFailures failures = new ListenerFailures();
        for (int i = 0; i <= ListenerFailures.MAX_CONTAINERS; i++) {
            failures.onApplicationEvent(new JobBuriedEvent(this, "c" + i, 1, new IllegalStateException()));
        }
        assertThat(failures.of("c0")).hasSize(1);
        assertThat(failures.of("c" + ListenerFailures.MAX_CONTAINERS)).isEmpty();
    }

    @Test
    void bodiesAreShownAsPrettyJsonTextOrHex() {
        assertThat(JobBody.of("{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8)))
                .satisfies(body -> assertThat(body.format()).isEqualTo("json"))
                .satisfies(body -> assertThat(body.text()).contains("\n").contains("\"a\""));
        assertThat(JobBody.of("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new JobBody("text", 25, false, "<script>alert(1)</script>"));
        JobBody binary = JobBody.of(new byte[] {(byte) 0xff, 0, 'A'});
        assertThat(binary.format()).isEqualTo("binary");
        assertThat(binary.text()).startsWith("00000000  ff0041").endsWith("..A\n");
        JobBody big = JobBody.of(new byte[JobBody.MAX_SHOWN + 10]);
        assertThat(big.truncated()).isTrue();
        assertThat(big.size()).isEqualTo(JobBody.MAX_SHOWN + 10);
    }
}
