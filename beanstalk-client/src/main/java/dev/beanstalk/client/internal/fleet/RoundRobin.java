package dev.beanstalk.client.internal.fleet;

import dev.beanstalk.client.FleetStrategy;
import dev.beanstalk.client.ServerAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/** Each put to the next eligible server in turn. */
public final class RoundRobin implements FleetStrategy {

    private final AtomicInteger next = new AtomicInteger();

    @Override
    public int choose(String tube, List<ServerAddress> servers, IntPredicate eligible) {
        int size = servers.size();
        int start = Math.floorMod(next.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            int candidate = (start + i) % size;
            if (eligible.test(candidate)) {
                return candidate;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "round-robin";
    }
}
