package dev.beanstalk.client;

import dev.beanstalk.client.internal.fleet.RoundRobin;
import dev.beanstalk.client.internal.fleet.TubeHash;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Which server of a fleet a put goes to. The client asks again, excluding the server that failed, when a put must be
 * retried elsewhere; a strategy only chooses, the client keeps track of which servers are in rotation.
 */
public interface FleetStrategy {

    /**
     * The index in {@code servers} of the server for a put into {@code tube}, among those {@code eligible} accepts
     * (asking it may take a server's one probe after a failure, so ask it only of a server you would choose), or
     * {@code -1} when it accepts none. Called concurrently; must not block.
     */
    int choose(String tube, List<ServerAddress> servers, IntPredicate eligible);

    /** Each put goes to the next server in turn; the default. */
    static FleetStrategy roundRobin() {
        return new RoundRobin();
    }

    /**
     * Each tube goes to one server, found on a consistent-hash ring of the server addresses, so that a tube keeps its
     * priority and delay order and adding a server moves about one tube in (servers + 1); while that server is out
     * of rotation its tubes go to the next server on the ring.
     */
    static FleetStrategy tubeHash() {
        return new TubeHash();
    }
}
