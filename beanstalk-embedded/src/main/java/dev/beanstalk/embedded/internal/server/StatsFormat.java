package dev.beanstalk.embedded.internal.server;

import dev.beanstalk.embedded.internal.binlog.Binlog;
import dev.beanstalk.embedded.internal.protocol.Op;
import dev.beanstalk.embedded.internal.queue.Job;
import dev.beanstalk.embedded.internal.queue.JobState;
import dev.beanstalk.embedded.internal.queue.Tube;

/** The YAML of {@code stats}, {@code stats-tube} and {@code stats-job}, key for key as beanstalkd 1.12 writes it. */
final class StatsFormat {

    private static final long SECOND = 1_000_000_000L;

    private StatsFormat() {
    }

    static String job(Job j, long now) {
        long timeLeft = j.state == JobState.RESERVED || j.state == JobState.DELAYED ? (j.deadlineAt - now) / SECOND : 0;
        return new Yaml()
                .line("id", Long.toUnsignedString(j.id))
                .line("tube", j.tube.name)
                .line("state", j.state.label())
                .line("pri", j.pri)
                .line("age", (now - j.createdAt) / SECOND)
                .line("delay", j.delay / SECOND)
                .line("ttr", j.ttr / SECOND)
                .line("time-left", timeLeft)
                .line("file", j.binlogSeq)
                .line("reserves", j.reserves)
                .line("timeouts", j.timeouts)
                .line("releases", j.releases)
                .line("buries", j.buries)
                .line("kicks", j.kicks)
                .toString();
    }

    static String tube(Tube t, long now) {
        long timeLeft = t.pause > 0 ? (t.unpauseAt - now) / SECOND : 0;
        return new Yaml()
                .line("name", t.name)
                .line("current-jobs-urgent", t.urgentCount)
                .line("current-jobs-ready", t.ready.size())
                .line("current-jobs-reserved", t.reservedCount)
                .line("current-jobs-delayed", t.delayed.size())
                .line("current-jobs-buried", t.buriedCount)
                .line("total-jobs", t.totalJobs)
                .line("current-using", t.usingCount)
                .line("current-watching", t.watchingCount)
                .line("current-waiting", t.waitingCount)
                .line("cmd-delete", t.deleteCount)
                .line("cmd-pause-tube", t.pauseCount)
                .line("pause", t.pause / SECOND)
                .line("pause-time-left", timeLeft)
                .toString();
    }

    static String server(Engine engine, Counters counters) {
        ServerInfo info = engine.info();
        Binlog binlog = engine.binlog();
        long[] cpu = ServerInfo.cpuMicros();
        Yaml yaml = new Yaml()
                .line("current-jobs-urgent", counters.urgent)
                .line("current-jobs-ready", counters.ready)
                .line("current-jobs-reserved", counters.reserved)
                .line("current-jobs-delayed", engine.delayedCount())
                .line("current-jobs-buried", counters.buried);
        for (Op op : new Op[] {Op.PUT, Op.PEEK_JOB, Op.PEEK_READY, Op.PEEK_DELAYED, Op.PEEK_BURIED, Op.RESERVE,
                Op.RESERVE_WITH_TIMEOUT, Op.DELETE, Op.RELEASE, Op.USE, Op.WATCH, Op.IGNORE, Op.BURY, Op.KICK,
                Op.TOUCH, Op.STATS, Op.STATS_JOB, Op.STATS_TUBE, Op.LIST_TUBES, Op.LIST_TUBE_USED,
                Op.LIST_TUBES_WATCHED, Op.PAUSE_TUBE}) {
            yaml.line(statName(op), counters.commands(op));
        }
        return yaml
                .line("job-timeouts", counters.jobTimeouts)
                .line("total-jobs", counters.totalJobs)
                .line("max-job-size", engine.maxJobSize())
                .line("current-tubes", engine.tubeCount())
                .line("current-connections", counters.currentConnections)
                .line("current-producers", counters.currentProducers)
                .line("current-workers", counters.currentWorkers)
                .line("current-waiting", counters.waiting)
                .line("total-connections", counters.totalConnections)
                .line("pid", info.pid())
                .line("version", "\"" + info.version() + "\"")
                .line("rusage-utime", seconds(cpu[0]))
                .line("rusage-stime", seconds(cpu[1]))
                .line("uptime", engine.uptimeSeconds())
                .line("binlog-oldest-index", binlog.oldestIndex())
                .line("binlog-current-index", binlog.currentIndex())
                .line("binlog-records-migrated", binlog.recordsMigrated())
                .line("binlog-records-written", binlog.recordsWritten())
                .line("binlog-max-size", binlog.maxFileSize())
                .line("draining", engine.isDraining() ? "true" : "false")
                .line("id", info.id())
                .line("hostname", info.hostname())
                .line("os", info.os())
                .line("platform", info.platform())
                .toString();
    }

    private static String seconds(long micros) {
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private static String statName(Op op) {
        return switch (op) {
            case PEEK_JOB -> "cmd-peek";
            case STATS_JOB -> "cmd-stats-job";
            default -> "cmd-" + op.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        };
    }

    private static final class Yaml {

        private final StringBuilder text = new StringBuilder(1024).append("---\n");

        Yaml line(String key, String value) {
            text.append(key).append(": ").append(value).append('\n');
            return this;
        }

        Yaml line(String key, long value) {
            text.append(key).append(": ").append(value).append('\n');
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
