package dev.beanstalk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.client.fake.FakeServer;
import dev.beanstalk.client.internal.protocol.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Arguments the server would refuse are refused by the client, with a message naming the value and the rule, before
 * anything is written: the server sees no byte of them, and the connection goes on working.
 */
@Timeout(10)
class ValidationTests {

    private static final long MAX_U32 = 4_294_967_295L;

    private FakeServer server;
    private BeanstalkConnection connection;
    private BeanstalkClient client;

    @BeforeEach
    void start() {
        server = FakeServer.replying(FakeServer::typicalReply);
        ConnectionOptions options = server.options().maxJobSize(10).build();
        connection = BeanstalkConnection.open(options);
        client = BeanstalkClient.builder().options(options).poolSize(1).build();
    }

    @AfterEach
    void stop() {
        connection.close();
        client.close();
        server.close();
    }

    // ---- tube names ----

    static Stream<String> validTubes() {
        return Stream.of("x", "default", "x".repeat(200), "a+b/c;d.e$f_g(h)0", "foo-", "123", "1.5", "(x)",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-+/;.$_()");
    }

    @ParameterizedTest
    @MethodSource("validTubes")
    void validTubeNamesAreSentAsTheyAre(String tube) {
        connection.use(tube);
        assertThat(connection.usedTube()).isEqualTo(tube);
        assertThat(connection.watch(tube)).isEqualTo(1);
        connection.statsTube(tube);
        connection.pauseTube(tube, Duration.ofSeconds(1));
        assertThat(server.commands()).containsExactly("use " + tube, "watch " + tube, "stats-tube " + tube,
                "pause-tube " + tube + " 1");
    }

    static Stream<String> invalidTubes() {
        List<String> names = new ArrayList<>(List.of("", "x".repeat(201), "-", "-foo", "foo bar", " foo", "foo\t",
                "foo\r\nstats", "a\0b", "caf\u00e9", "\u0100"));
        for (char c : "!*:@,'\"\\#%&=?~[]{}<>|`^".toCharArray()) {
            names.add("foo" + c);
        }
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("invalidTubes")
    void invalidTubeNamesNeverReachTheWire(String tube) {
        List<ThrowingCallable> calls = List.of(
                () -> connection.use(tube),
                () -> connection.watch(tube),
                () -> connection.ignore(tube),
                () -> connection.statsTube(tube),
                () -> connection.pauseTube(tube, Duration.ZERO),
                () -> connection.async().use(tube),
                () -> connection.async().watch(tube),
                () -> connection.async().ignore(tube),
                () -> connection.async().statsTube(tube),
                () -> connection.async().pauseTube(tube, Duration.ZERO),
                () -> client.put(tube, new byte[1]),
                () -> client.putAsync(tube, new byte[1], JobOptions.DEFAULT),
                () -> client.putAll(tube, List.of(new byte[1]), JobOptions.DEFAULT),
                () -> client.peekReady(tube),
                () -> client.peekDelayed(tube),
                () -> client.peekBuried(tube),
                () -> client.kick(tube, 1),
                () -> client.statsTube(tube),
                () -> client.pauseTube(tube, Duration.ofSeconds(1)),
                () -> client.resumeTube(tube));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tube name")
                    .hasMessageContaining(Limits.quote(tube)).hasMessageNotContainingAny("\r", "\n", "\0");
        }
        assertNothingSentAndStillWorking();
    }

    @Test
    void aNullTubeNameIsRefused() {
        assertThatThrownBy(() -> connection.use(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> client.put(null, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertNothingSentAndStillWorking();
    }

    @Test
    void theMessageNamesTheRuleThatWasBroken() {
        assertThatThrownBy(() -> connection.use("x".repeat(201))).hasMessageContaining("1 to 200")
                .hasMessageContaining("201");
        assertThatThrownBy(() -> connection.use("-foo")).hasMessageContaining("must not start with '-'");
        assertThatThrownBy(() -> connection.use("foo!")).hasMessageContaining("'!'").hasMessageContaining("index 3");
    }

    // ---- numbers ----

    @ParameterizedTest
    @ValueSource(longs = {-1, MAX_U32 + 1, Long.MIN_VALUE, Long.MAX_VALUE})
    void prioritiesOutsideUnsigned32BitsAreRefused(long priority) {
        String value = Long.toString(priority);
        assertThatThrownBy(() -> JobOptions.DEFAULT.withPriority(priority)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("priority").hasMessageContaining(value).hasMessageContaining("4294967295");
        assertThatThrownBy(() -> JobOptions.builder().priority(priority).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.release(1, priority, Duration.ZERO)).hasMessageContaining("priority");
        assertThatThrownBy(() -> connection.bury(1, priority)).hasMessageContaining("priority");
        assertThatThrownBy(() -> connection.async().release(1, priority, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.async().bury(1, priority)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.kick(priority)).hasMessageContaining("kick bound");
        assertThatThrownBy(() -> client.kick("t", priority)).hasMessageContaining("kick bound");
        assertNothingSentAndStillWorking();
    }

    static Stream<Duration> invalidDurations() {
        return Stream.of(Duration.ofSeconds(-1), Duration.ofNanos(-1), Duration.ofSeconds(MAX_U32 + 1),
                Duration.ofSeconds(MAX_U32).plusNanos(1), Duration.ofSeconds(Long.MAX_VALUE),
                Duration.ofSeconds(Long.MAX_VALUE, 500_000_000), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
    }

    @ParameterizedTest
    @MethodSource("invalidDurations")
    void delaysTtrsAndPausesOutsideUnsigned32BitSecondsAreRefused(Duration duration) {
        assertThatThrownBy(() -> JobOptions.DEFAULT.withDelay(duration)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delay").hasMessageContaining(duration.toString());
        assertThatThrownBy(() -> JobOptions.DEFAULT.withTtr(duration)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttr");
        assertThatThrownBy(() -> connection.release(1, 0, duration)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delay");
        assertThatThrownBy(() -> connection.pauseTube("t", duration)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pause");
        assertThatThrownBy(() -> client.pauseTube("t", duration)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.reserve(duration)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserve timeout");
        assertNothingSentAndStillWorking();
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, Integer.MAX_VALUE + 1L})
    void hugeTimeoutsInOptionsAreRefusedWithoutOverflow(long seconds) {
        Duration huge = Duration.ofSeconds(seconds, 500_000_000);
        assertThatThrownBy(() -> ConnectionOptions.builder().readTimeout(huge).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> ConnectionOptions.builder().connectTimeout(huge).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> ConnectionOptions.builder().reconnectDelay(huge).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reconnectDelay");
        assertThatThrownBy(() -> ConnectionOptions.builder().maxInFlight(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInFlight");
    }

    @Test
    void nullArgumentsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> client.put("t", new byte[1], null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("options");
        assertThatThrownBy(() -> client.putAsync("t", new byte[1], null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("options");
        assertThatThrownBy(() -> client.putAll("t", null, JobOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bodies");
        assertThatThrownBy(() -> connection.put(new byte[1], null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("options");
        assertThatThrownBy(() -> connection.put(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body");
        assertThatThrownBy(() -> client.put(null, new byte[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tube name");
        assertThatThrownBy(() -> ConnectionOptions.builder().readTimeout(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
        assertNothingSentAndStillWorking();
    }

    @Test
    void aHostileTubeNameIsEscapedAndCutInTheMessage() {
        String hostile = "ok\r\nput 0 0 0 0\r\n\0" + "x".repeat(10_000);
        assertThatThrownBy(() -> client.put(hostile, new byte[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ok\\r\\nput 0 0 0 0\\r\\n\\0")
                .hasMessageNotContainingAny("\r", "\n", "\0").hasMessageContaining("10018 characters")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertNothingSentAndStillWorking();
    }

    @Test
    void nullDurationsAreRefused() {
        assertThatThrownBy(() -> JobOptions.DEFAULT.withDelay(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.reserve(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.release(1, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertNothingSentAndStillWorking();
    }

    @Test
    void aReserveTimeoutAboveWhatBeanstalkd113AcceptsIsRefused() {
        assertThatThrownBy(() -> connection.reserve(Duration.ofSeconds(Integer.MAX_VALUE + 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2147483647");
        assertThatThrownBy(() -> connection.async().reserve(Duration.ofSeconds(Integer.MAX_VALUE).plusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertNothingSentAndStillWorking();
    }

    @Test
    void durationsAreSentAsWholeSecondsRoundedUp() {
        JobOptions options = JobOptions.builder().priority(MAX_U32).delay(Duration.ofMillis(1))
                .ttr(Duration.ofMillis(1_500)).build();
        assertThat(options.delaySeconds()).isEqualTo(1);
        assertThat(options.ttrSeconds()).isEqualTo(2);
        connection.put(new byte[0], options);
        connection.put(new byte[0], JobOptions.DEFAULT.withDelay(Duration.ofSeconds(MAX_U32))
                .withTtr(Duration.ofSeconds(MAX_U32)).withPriority(0));
        connection.put(new byte[0], JobOptions.DEFAULT.withTtr(Duration.ZERO));
        connection.reserve(Duration.ofNanos(1));
        connection.reserve(Duration.ofSeconds(Integer.MAX_VALUE));
        connection.reserve(Duration.ZERO);
        connection.release(3, 7, Duration.ofMillis(999));
        connection.pauseTube("t", Duration.ofSeconds(1).plusNanos(1));
        connection.pauseTube("t", Duration.ofSeconds(MAX_U32));
        assertThat(server.commands()).containsExactly("put 4294967295 1 2 0", "put 0 4294967295 4294967295 0",
                "put 1024 0 0 0", "reserve-with-timeout 1", "reserve-with-timeout 2147483647",
                "reserve-with-timeout 0", "release 3 7 1", "pause-tube t 2", "pause-tube t 4294967295");
    }

    @Test
    void theDefaultsArePheanstalks() {
        assertThat(JobOptions.DEFAULT).isEqualTo(new JobOptions(1024, Duration.ZERO, Duration.ofSeconds(60)));
        assertThat(JobOptions.builder().build()).isEqualTo(JobOptions.DEFAULT);
        connection.put(new byte[] {'x'});
        assertThat(server.received()).isEqualTo("put 1024 0 60 1\r\nx\r\n");
    }

    // ---- ids ----

    @Test
    void jobIdZeroIsRefusedByEveryCommandThatTakesAnId() {
        List<ThrowingCallable> calls = List.of(
                () -> connection.delete(0), () -> connection.release(0, 0, Duration.ZERO), () -> connection.bury(0, 0),
                () -> connection.touch(0), () -> connection.peek(0), () -> connection.kickJob(0),
                () -> connection.statsJob(0), () -> connection.reserveJob(0),
                () -> connection.deleteAndReserve(0, Duration.ZERO),
                () -> connection.async().delete(0), () -> connection.async().peek(0),
                () -> connection.async().reserveJob(0), () -> connection.async().touch(0),
                () -> connection.async().kickJob(0), () -> connection.async().statsJob(0),
                () -> client.delete(0), () -> client.peek(0), () -> client.kickJob(0), () -> client.statsJob(0));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("job id")
                    .hasMessageContaining("0");
        }
        assertNothingSentAndStillWorking();
    }

    @Test
    void idsAboveLongMaxValueAreSentUnsigned() {
        connection.delete(-1);
        connection.peek(Long.MIN_VALUE);
        connection.touch(Long.MAX_VALUE);
        assertThat(server.commands()).containsExactly("delete 18446744073709551615", "peek 9223372036854775808",
                "touch 9223372036854775807");
    }

    // ---- bodies ----

    @Test
    void bodiesOverTheMaximumJobSizeAreRefused() {
        byte[] tooBig = new byte[11];
        List<ThrowingCallable> calls = List.of(
                () -> connection.put(tooBig), () -> connection.put(tooBig, JobOptions.DEFAULT),
                () -> connection.async().put(tooBig, JobOptions.DEFAULT), () -> client.put("t", tooBig),
                () -> client.putAsync("t", tooBig, JobOptions.DEFAULT),
                () -> client.putAll("t", List.of(new byte[1], new byte[2], tooBig), JobOptions.DEFAULT));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11 bytes")
                    .hasMessageContaining("10 bytes");
        }
        assertThatThrownBy(() -> connection.put(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertNothingSentAndStillWorking();
        connection.put(new byte[10]);
        assertThat(server.commands()).containsExactlyInAnyOrder("list-tube-used", "peek 1", "put 1024 0 60 10");
    }

    @Test
    void optionsAreValidated() {
        Consumer<ThrowingCallable> refused = call -> assertThatThrownBy(call)
                .isInstanceOf(IllegalArgumentException.class);
        refused.accept(() -> ConnectionOptions.builder().maxJobSize(-1).build());
        refused.accept(() -> ConnectionOptions.builder().maxJobSize(1_073_741_825).build());
        refused.accept(() -> ConnectionOptions.builder().readTimeout(Duration.ZERO).build());
        refused.accept(() -> ConnectionOptions.builder().connectTimeout(Duration.ofMillis(-1)).build());
        refused.accept(() -> ConnectionOptions.builder().reconnectDelay(Duration.ofSeconds(2))
                .maxReconnectDelay(Duration.ofSeconds(1)).build());
        refused.accept(() -> ConnectionOptions.builder().servers(List.of()));
        refused.accept(() -> BeanstalkClient.builder().poolSize(0));
        refused.accept(() -> new ServerAddress("h", 0));
        refused.accept(() -> new ServerAddress(" ", 1));
        refused.accept(() -> ServerAddress.parse("h:x"));
        assertThat(ServerAddress.parse("h")).isEqualTo(new ServerAddress("h", 11300));
        assertThat(ServerAddress.parse("h:1")).isEqualTo(new ServerAddress("h", 1));
        assertThat(ServerAddress.parse("[::1]:2")).isEqualTo(new ServerAddress("::1", 2));
        assertThat(ServerAddress.parse("::1")).isEqualTo(new ServerAddress("::1", 11300));
        assertThat(ConnectionOptions.builder().maxJobSize(1_073_741_824).build().maxJobSize()).isEqualTo(1_073_741_824);
    }

    private void assertNothingSentAndStillWorking() {
        assertThat(server.received()).as("bytes the server received").isEmpty();
        assertThat(connection.listTubeUsed()).isEqualTo("default");
        assertThat(client.peek(1)).map(Job::bodyAsString).contains("x");
        assertThat(server.commands()).containsExactly("list-tube-used", "peek 1");
        assertThat(connection.isOpen()).isTrue();
    }
}
