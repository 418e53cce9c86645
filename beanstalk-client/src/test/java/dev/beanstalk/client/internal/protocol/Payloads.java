package dev.beanstalk.client.internal.protocol;

import java.nio.charset.StandardCharsets;

/** YAML bodies exactly as beanstalkd 1.12 (captured from Debian's 1.12-2+b1) and 1.13 write them. */
final class Payloads {

    static final String STATS_JOB_112 = "---\nid: 1\ntube: 123\nstate: ready\npri: 5\nage: 0\ndelay: 0\nttr: 10\n"
            + "time-left: 0\nfile: 0\nreserves: 0\ntimeouts: 0\nreleases: 0\nburies: 0\nkicks: 0\n";

    static final String STATS_JOB_113 = "---\nid: 18446744073709551615\ntube: \"default\"\nstate: reserved\n"
            + "pri: 4294967295\nage: 7\ndelay: 3\nttr: 10\ntime-left: 9\nfile: 2\nreserves: 1\ntimeouts: 4\n"
            + "releases: 5\nburies: 6\nkicks: 8\n";

    static final String STATS_TUBE_112 = "---\nname: 123\ncurrent-jobs-urgent: 1\ncurrent-jobs-ready: 1\n"
            + "current-jobs-reserved: 0\ncurrent-jobs-delayed: 0\ncurrent-jobs-buried: 0\ntotal-jobs: 1\n"
            + "current-using: 1\ncurrent-watching: 0\ncurrent-waiting: 0\ncmd-delete: 0\ncmd-pause-tube: 0\npause: 0\n"
            + "pause-time-left: 0\n";

    static final String STATS_TUBE_113 = "---\nname: \"1.5\"\ncurrent-jobs-urgent: 2\ncurrent-jobs-ready: 3\n"
            + "current-jobs-reserved: 4\ncurrent-jobs-delayed: 5\ncurrent-jobs-buried: 6\ntotal-jobs: 7\n"
            + "current-using: 8\ncurrent-watching: 9\ncurrent-waiting: 10\ncmd-delete: 11\ncmd-pause-tube: 12\n"
            + "pause: 13\npause-time-left: 14\n";

    static final String STATS_112 = "---\ncurrent-jobs-urgent: 1\ncurrent-jobs-ready: 1\ncurrent-jobs-reserved: 0\n"
            + "current-jobs-delayed: 0\ncurrent-jobs-buried: 0\ncmd-put: 1\ncmd-peek: 0\ncmd-peek-ready: 0\n"
            + "cmd-peek-delayed: 0\ncmd-peek-buried: 0\ncmd-reserve: 0\ncmd-reserve-with-timeout: 0\ncmd-delete: 0\n"
            + "cmd-release: 0\ncmd-use: 1\ncmd-watch: 0\ncmd-ignore: 0\ncmd-bury: 0\ncmd-kick: 0\ncmd-touch: 0\n"
            + "cmd-stats: 1\ncmd-stats-job: 1\ncmd-stats-tube: 1\ncmd-list-tubes: 0\ncmd-list-tube-used: 0\n"
            + "cmd-list-tubes-watched: 0\ncmd-pause-tube: 0\njob-timeouts: 0\ntotal-jobs: 1\nmax-job-size: 65535\n"
            + "current-tubes: 2\ncurrent-connections: 1\ncurrent-producers: 1\ncurrent-workers: 0\ncurrent-waiting: 0\n"
            + "total-connections: 1\npid: 10588\nversion: \"1.12\"\nrusage-utime: 0.002257\nrusage-stime: 0.000000\n"
            + "uptime: 1\nbinlog-oldest-index: 0\nbinlog-current-index: 0\nbinlog-records-migrated: 0\n"
            + "binlog-records-written: 0\nbinlog-max-size: 10485760\ndraining: false\nid: d791405a778156b1\n"
            + "hostname: vm\nos: #1 SMP PREEMPT_DYNAMIC @0\nplatform: x86_64\n";

    /** 1.13: every counter distinct, so that a field read from the wrong key shows. */
    static final String STATS_113 = "---\ncurrent-jobs-urgent: 1\ncurrent-jobs-ready: 2\ncurrent-jobs-reserved: 3\n"
            + "current-jobs-delayed: 4\ncurrent-jobs-buried: 5\ncmd-put: 6\ncmd-peek: 7\ncmd-peek-ready: 8\n"
            + "cmd-peek-delayed: 9\ncmd-peek-buried: 10\ncmd-reserve: 11\ncmd-reserve-with-timeout: 12\ncmd-delete: 13\n"
            + "cmd-release: 14\ncmd-use: 15\ncmd-watch: 16\ncmd-ignore: 17\ncmd-bury: 18\ncmd-kick: 19\ncmd-touch: 20\n"
            + "cmd-stats: 21\ncmd-stats-job: 22\ncmd-stats-tube: 23\ncmd-list-tubes: 24\ncmd-list-tube-used: 25\n"
            + "cmd-list-tubes-watched: 26\ncmd-pause-tube: 27\njob-timeouts: 28\ntotal-jobs: 29\n"
            + "max-job-size: 1073741824\ncurrent-tubes: 31\ncurrent-connections: 32\ncurrent-producers: 33\n"
            + "current-workers: 34\ncurrent-waiting: 35\ntotal-connections: 36\npid: 37\nversion: \"1.13\"\n"
            + "rusage-utime: 12.345678\nrusage-stime: 0.000001\nuptime: 38\nbinlog-oldest-index: 39\n"
            + "binlog-current-index: 40\nbinlog-records-migrated: 41\nbinlog-records-written: 42\n"
            + "binlog-max-size: 10485760\ndraining: true\nid: 0123456789abcdef\nhostname: \"worker-1.example\"\n"
            + "os: \"#1 SMP PREEMPT_DYNAMIC Debian 6.1.0\"\nplatform: \"x86_64\"\n";

    static final String LIST_TUBES_112 = "---\n- default\n- 123\n- 1.5\n- .inf\n";

    private Payloads() {
    }

    /** {@code OK <n>\r\n<yaml>\r\n}, as the server frames a YAML body. */
    static String ok(String yaml) {
        return "OK " + yaml.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n" + yaml + "\r\n";
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
