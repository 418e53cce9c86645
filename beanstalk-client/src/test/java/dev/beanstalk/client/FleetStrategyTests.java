package dev.beanstalk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.client.internal.fleet.ServerIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The strategies that place puts on a fleet, and the ids that carry their server. */
class FleetStrategyTests {

    private static final List<ServerAddress> THREE = servers(3);

    @Test
    void roundRobinTakesEachServerInTurnAndSkipsThoseOutOfRotation() {
        FleetStrategy strategy = FleetStrategy.roundRobin();
        List<Integer> chosen = IntStream.range(0, 6).mapToObj(i -> strategy.choose("t", THREE, s -> true)).toList();
        assertThat(chosen).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(IntStream.range(0, 4).map(i -> strategy.choose("t", THREE, s -> s != 1))).doesNotContain(1);
        assertThat(strategy.choose("t", THREE, s -> false)).isEqualTo(-1);
    }

    @Test
    void tubeHashSpreadsTubesAndKeepsEachOnItsServer() {
        FleetStrategy strategy = FleetStrategy.tubeHash();
        Map<Integer, Integer> perServer = new HashMap<>();
        for (int t = 0; t < 900; t++) {
            int server = strategy.choose("tube-" + t, THREE, s -> true);
            assertThat(strategy.choose("tube-" + t, THREE, s -> true)).isEqualTo(server);
            perServer.merge(server, 1, Integer::sum);
        }
        assertThat(perServer.values()).hasSize(3).allSatisfy(count -> assertThat(count).isBetween(200, 400));
    }

    @Test
    void addingAServerMovesFewTubesAndOnlyToTheNewServer() {
        FleetStrategy before = FleetStrategy.tubeHash();
        FleetStrategy after = FleetStrategy.tubeHash();
        List<ServerAddress> four = servers(4);
        int moved = 0;
        for (int t = 0; t < 1000; t++) {
            int old = before.choose("tube-" + t, THREE, s -> true);
            int now = after.choose("tube-" + t, four, s -> true);
            if (old != now) {
                moved++;
                assertThat(now).isEqualTo(3);
            }
        }
        assertThat(moved).isBetween(150, 350);
    }

    @Test
    void aTubeWhoseServerIsOutOfRotationGoesToOneOtherServerAndComesBack() {
        FleetStrategy strategy = FleetStrategy.tubeHash();
        int home = strategy.choose("orders", THREE, s -> true);
        int away = strategy.choose("orders", THREE, s -> s != home);
        assertThat(away).isNotEqualTo(home).isEqualTo(strategy.choose("orders", THREE, s -> s != home));
        assertThat(strategy.choose("orders", THREE, s -> true)).isEqualTo(home);
        assertThat(strategy.choose("orders", THREE, s -> false)).isEqualTo(-1);
    }

    @Test
    void fleetIdsCarryTheServerIndexAboveTheServersOwnId() {
        assertThat(FleetIds.of(0, 42)).isEqualTo(42);
        long id = FleetIds.of(2, 42);
        assertThat(id).isEqualTo((2L << 56) | 42).isPositive();
        assertThat(FleetIds.serverIndex(id)).isEqualTo(2);
        assertThat(FleetIds.serverJobId(id)).isEqualTo(42);
        assertThat(FleetIds.serverIndex(FleetIds.of(127, 1))).isEqualTo(127);
        assertThatThrownBy(() -> FleetIds.of(128, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 127");
        assertThatThrownBy(() -> FleetIds.of(1, 1L << 56)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below 2^56");
    }

    @Test
    void aServerTakesOnlyItsOwnIdsAndOneServerTakesAny() {
        ServerIds second = new ServerIds(1, 3);
        assertThat(second.serverJobId(FleetIds.of(1, 9))).isEqualTo(9);
        assertThatThrownBy(() -> second.serverJobId(FleetIds.of(2, 9))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to server 2");
        assertThat(ServerIds.ONLY.serverJobId(-1L)).isEqualTo(-1L);
        assertThat(ServerIds.ONLY.fleetId(-1L)).isEqualTo(-1L);
        assertThatThrownBy(() -> new ServerIds(0, 129)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<ServerAddress> servers(int count) {
        List<ServerAddress> servers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            servers.add(new ServerAddress("beanstalkd-" + i + ".example", 11300));
        }
        return List.copyOf(servers);
    }
}
