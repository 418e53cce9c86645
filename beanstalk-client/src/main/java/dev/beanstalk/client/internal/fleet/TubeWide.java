package dev.beanstalk.client.internal.fleet;

import dev.beanstalk.client.Job;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.client.internal.protocol.Command;
import dev.beanstalk.client.internal.protocol.Commands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations that cover a whole fleet: every server is asked in list order, and any server's failure fails the
 * call, so that a sum or a union is never silently short of a server.
 */
public final class TubeWide {

    private final Fleet fleet;

    public TubeWide(Fleet fleet) {
        this.fleet = fleet;
    }

    public ServerStats stats() {
        return FleetStats.server(fleet.onEvery(null, Commands.stats()));
    }

    public Map<ServerAddress, ServerStats> statsByServer() {
        return byServer(fleet.onEvery(null, Commands.stats()));
    }

    public Optional<TubeStats> statsTube(String tube) {
        List<TubeStats> present = new ArrayList<>(statsTubeByServer(tube).values());
        return present.isEmpty() ? Optional.empty() : Optional.of(FleetStats.tube(present));
    }

    /** The tube's statistics on each server that has it. */
    public Map<ServerAddress, TubeStats> statsTubeByServer(String tube) {
        Map<ServerAddress, TubeStats> present = new LinkedHashMap<>();
        byServer(fleet.onEvery(null, Commands.statsTube(tube)))
                .forEach((server, stats) -> stats.ifPresent(s -> present.put(server, s)));
        return present;
    }

    public List<String> listTubes() {
        LinkedHashSet<String> union = new LinkedHashSet<>();
        fleet.onEvery(null, Commands.listTubes()).forEach(union::addAll);
        return List.copyOf(union);
    }

    /** The job of the first server, in list order, that has one. */
    public Optional<Job> peek(String tube, Command<Optional<Job>> peek) {
        for (int i = 0; i < fleet.size(); i++) {
            Member member = fleet.member(i);
            Optional<Job> job = member.execute(tube, peek);
            if (job.isPresent()) {
                return member.ids().job(job);
            }
        }
        return Optional.empty();
    }

    /**
     * Kicks up to {@code bound} jobs: each server first gets an equal share of the bound, then whatever the others
     * left unused goes, in list order, to the servers that used their whole share.
     */
    public long kick(String tube, long bound) {
        long share = Math.max(1, (bound + fleet.size() - 1) / fleet.size());
        long left = bound;
        boolean[] full = new boolean[fleet.size()];
        for (int i = 0; i < fleet.size() && left > 0; i++) {
            long kicked = fleet.member(i).execute(tube, Commands.kick(Math.min(share, left)));
            full[i] = kicked == Math.min(share, left);
            left -= kicked;
        }
        for (int i = 0; i < fleet.size() && left > 0; i++) {
            if (full[i]) {
                left -= fleet.member(i).execute(tube, Commands.kick(left));
            }
        }
        return bound - left;
    }

    /** Pauses the tube on every server; true if any server has it. */
    public boolean pauseTube(String tube, Duration pause) {
        return fleet.onEvery(null, Commands.pauseTube(tube, pause)).contains(Boolean.TRUE);
    }

    private <T> Map<ServerAddress, T> byServer(List<T> replies) {
        Map<ServerAddress, T> map = new LinkedHashMap<>();
        for (int i = 0; i < replies.size(); i++) {
            map.put(fleet.servers().get(i), replies.get(i));
        }
        return map;
    }
}
