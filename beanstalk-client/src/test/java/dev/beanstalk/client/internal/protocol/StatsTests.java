package dev.beanstalk.client.internal.protocol;

import static dev.beanstalk.client.internal.protocol.Payloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.client.BeanstalkProtocolException;
import dev.beanstalk.client.JobState;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The YAML of beanstalkd 1.12 (unquoted strings, {@code os: #1 ...}) and 1.13 (quoted strings), field by field. */
class StatsTests {

    @Test
    void jobStatsOf112() {
        assertThat(Stats.job(bytes(Payloads.STATS_JOB_112))).isEqualTo(new JobStats(1, "123", JobState.READY, 5,
                Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10), Duration.ZERO, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void jobStatsOf113WithQuotedTubeAndUnsignedId() {
        assertThat(Stats.job(bytes(Payloads.STATS_JOB_113))).isEqualTo(new JobStats(-1, "default", JobState.RESERVED,
                4_294_967_295L, Duration.ofSeconds(7), Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(9), 2, 1, 4, 5, 6, 8));
    }

    @Test
    void everyJobState() {
        for (JobState state : JobState.values()) {
            String yaml = Payloads.STATS_JOB_112.replace("state: ready", "state: " + state.wireName());
            assertThat(Stats.job(bytes(yaml)).state()).isEqualTo(state);
        }
        assertThatThrownBy(() -> JobState.of("frozen")).isInstanceOf(BeanstalkProtocolException.class)
                .hasMessageContaining("frozen");
    }

    @Test
    void tubeStatsOf112WithNumericName() {
        TubeStats stats = Stats.tube(bytes(Payloads.STATS_TUBE_112));
        assertThat(stats).isEqualTo(new TubeStats("123", 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO));
        assertThat(stats.isPaused()).isFalse();
    }

    @Test
    void tubeStatsOf113WithQuotedNumericLookingName() {
        TubeStats stats = Stats.tube(bytes(Payloads.STATS_TUBE_113));
        assertThat(stats).isEqualTo(new TubeStats("1.5", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, Duration.ofSeconds(13),
                Duration.ofSeconds(14)));
        assertThat(stats.isPaused()).isTrue();
    }

    @Test
    void serverStatsOf112KeepsTheUnquotedOsLine() {
        ServerStats stats = Stats.server(bytes(Payloads.STATS_112));
        assertThat(stats).isEqualTo(new ServerStats(1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1,
                1, 0, 0, 0, 0, 0, 1, 65535, 2, 1, 1, 0, 0, 1, 10588, "1.12", Duration.ofNanos(2_257_000), Duration.ZERO,
                Duration.ofSeconds(1), 0, 0, 0, 0, 10_485_760, false, "d791405a778156b1", "vm",
                "#1 SMP PREEMPT_DYNAMIC @0", "x86_64"));
    }

    @Test
    void serverStatsOf113EveryFieldFromItsOwnKey() {
        ServerStats stats = Stats.server(bytes(Payloads.STATS_113));
        assertThat(stats).isEqualTo(new ServerStats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 1_073_741_824, 31, 32, 33, 34, 35, 36, 37, "1.13",
                Duration.ofSeconds(12, 345_678_000), Duration.ofNanos(1_000), Duration.ofSeconds(38), 39, 40, 41, 42,
                10_485_760, true, "0123456789abcdef", "worker-1.example", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.0",
                "x86_64"));
    }

    @Test
    void aCounterThatIsNotANumberIsAProtocolErrorNamingIt() {
        String yaml = Payloads.STATS_TUBE_112.replace("total-jobs: 1", "total-jobs: many");
        assertThatThrownBy(() -> Stats.tube(bytes(yaml))).isInstanceOf(BeanstalkProtocolException.class)
                .hasMessageContaining("total-jobs").hasMessageContaining("many");
        String utime = Payloads.STATS_112.replace("rusage-utime: 0.002257", "rusage-utime: soon");
        assertThatThrownBy(() -> Stats.server(bytes(utime))).isInstanceOf(BeanstalkProtocolException.class)
                .hasMessageContaining("rusage-utime");
    }

    @Test
    void yamlListKeepsNumericLookingTubeNamesAsWritten() {
        assertThat(Yaml.list(bytes(Payloads.LIST_TUBES_112))).containsExactly("default", "123", "1.5", ".inf");
        assertThat(Yaml.list(bytes("---\n- \"123\"\n- \"a\"\n"))).containsExactly("123", "a");
        assertThat(Yaml.list(bytes("---\n"))).isEmpty();
    }

    @Test
    void yamlMapKeepsOrderAndRawValues() {
        Map<String, String> map = Yaml.map(bytes("---\nos: #1 SMP PREEMPT_DYNAMIC Debian 6.1.0\nversion: \"1.13\"\n"
                + "hostname: \"\"\nid: 007\n"));
        assertThat(List.copyOf(map.keySet())).containsExactly("os", "version", "hostname", "id");
        assertThat(map).containsEntry("os", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.0").containsEntry("version", "1.13")
                .containsEntry("hostname", "").containsEntry("id", "007");
    }

    @Test
    void malformedYamlIsAProtocolError() {
        assertThatThrownBy(() -> Yaml.map(bytes("id: 1\n"))).isInstanceOf(BeanstalkProtocolException.class)
                .hasMessageContaining("---");
        assertThatThrownBy(() -> Yaml.map(bytes("---\nid 1\n"))).isInstanceOf(BeanstalkProtocolException.class)
                .hasMessageContaining("id 1");
        assertThatThrownBy(() -> Yaml.list(bytes("---\ndefault\n"))).isInstanceOf(BeanstalkProtocolException.class)
                .hasMessageContaining("default");
    }
}
