package dev.beanstalk.client.internal.fleet;

import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeStats;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A fleet's statistics as one server's: counts and counters summed, CPU times summed, the longest uptime and pause,
 * draining if any server drains; the process, version, limits and names are those of the first server.
 */
public final class FleetStats {

    private FleetStats() {
    }

    public static ServerStats server(List<ServerStats> all) {
        ServerStats f = all.get(0);
        return new ServerStats(
                sum(all, ServerStats::currentJobsUrgent), sum(all, ServerStats::currentJobsReady),
                sum(all, ServerStats::currentJobsReserved), sum(all, ServerStats::currentJobsDelayed),
                sum(all, ServerStats::currentJobsBuried), sum(all, ServerStats::cmdPut),
                sum(all, ServerStats::cmdPeek), sum(all, ServerStats::cmdPeekReady),
                sum(all, ServerStats::cmdPeekDelayed), sum(all, ServerStats::cmdPeekBuried),
                sum(all, ServerStats::cmdReserve), sum(all, ServerStats::cmdReserveWithTimeout),
                sum(all, ServerStats::cmdDelete), sum(all, ServerStats::cmdRelease), sum(all, ServerStats::cmdUse),
                sum(all, ServerStats::cmdWatch), sum(all, ServerStats::cmdIgnore), sum(all, ServerStats::cmdBury),
                sum(all, ServerStats::cmdKick), sum(all, ServerStats::cmdTouch), sum(all, ServerStats::cmdStats),
                sum(all, ServerStats::cmdStatsJob), sum(all, ServerStats::cmdStatsTube),
                sum(all, ServerStats::cmdListTubes), sum(all, ServerStats::cmdListTubeUsed),
                sum(all, ServerStats::cmdListTubesWatched), sum(all, ServerStats::cmdPauseTube),
                sum(all, ServerStats::jobTimeouts), sum(all, ServerStats::totalJobs), f.maxJobSize(),
                sum(all, ServerStats::currentTubes), sum(all, ServerStats::currentConnections),
                sum(all, ServerStats::currentProducers), sum(all, ServerStats::currentWorkers),
                sum(all, ServerStats::currentWaiting), sum(all, ServerStats::totalConnections), f.pid(), f.version(),
                total(all, ServerStats::rusageUtime), total(all, ServerStats::rusageStime),
                max(all, ServerStats::uptime), sum(all, ServerStats::binlogOldestIndex),
                sum(all, ServerStats::binlogCurrentIndex), sum(all, ServerStats::binlogRecordsMigrated),
                sum(all, ServerStats::binlogRecordsWritten), f.binlogMaxSize(),
                all.stream().anyMatch(ServerStats::draining), f.id(), f.hostname(), f.os(), f.platform());
    }

    public static TubeStats tube(List<TubeStats> all) {
        TubeStats f = all.get(0);
        return new TubeStats(
                f.name(), sum(all, TubeStats::currentJobsUrgent), sum(all, TubeStats::currentJobsReady),
                sum(all, TubeStats::currentJobsReserved), sum(all, TubeStats::currentJobsDelayed),
                sum(all, TubeStats::currentJobsBuried), sum(all, TubeStats::totalJobs),
                sum(all, TubeStats::currentUsing), sum(all, TubeStats::currentWatching),
                sum(all, TubeStats::currentWaiting), sum(all, TubeStats::cmdDelete),
                sum(all, TubeStats::cmdPauseTube), max(all, TubeStats::pause), max(all, TubeStats::pauseTimeLeft));
    }

    private static <S> long sum(List<S> all, ToLongFunction<S> field) {
        long sum = 0;
        for (S stats : all) {
            sum += field.applyAsLong(stats);
        }
        return sum;
    }

    private static <S> Duration total(List<S> all, Function<S, Duration> field) {
        Duration total = Duration.ZERO;
        for (S stats : all) {
            total = total.plus(field.apply(stats));
        }
        return total;
    }

    private static <S> Duration max(List<S> all, Function<S, Duration> field) {
        return all.stream().map(field).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }
}
