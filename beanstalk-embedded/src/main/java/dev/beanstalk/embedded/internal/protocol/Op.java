package dev.beanstalk.embedded.internal.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The commands, in the order beanstalkd's {@code which_cmd} tries their prefixes. A command is the first whose
 * prefix starts the line, so {@code stats-job} without a space is {@link #STATS} and {@code reserve-with-timeout}
 * without a space is {@link #RESERVE}.
 */
public enum Op {
    PUT("put "),
    PEEK_JOB("peek "),
    PEEK_READY("peek-ready"),
    PEEK_DELAYED("peek-delayed"),
    PEEK_BURIED("peek-buried"),
    RESERVE_WITH_TIMEOUT("reserve-with-timeout "),
    RESERVE_JOB("reserve-job "),
    RESERVE("reserve"),
    DELETE("delete "),
    RELEASE("release "),
    BURY("bury "),
    KICK("kick "),
    KICK_JOB("kick-job "),
    TOUCH("touch "),
    STATS_JOB("stats-job "),
    STATS_TUBE("stats-tube "),
    STATS("stats"),
    USE("use "),
    WATCH("watch "),
    IGNORE("ignore "),
    LIST_TUBES_WATCHED("list-tubes-watched"),
    LIST_TUBE_USED("list-tube-used"),
    LIST_TUBES("list-tubes"),
    QUIT("quit"),
    PAUSE_TUBE("pause-tube"),
    UNKNOWN("");

    private static final Op[] CANDIDATES = values();

    private final byte[] prefix;

    Op(String prefix) {
        this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
    }

    /** The length of the prefix, which is where the arguments start. */
    public int prefixLength() {
        return prefix.length;
    }

    /** The command whose prefix starts {@code line[from, to)}, or {@link #UNKNOWN}. */
    public static Op recognize(byte[] line, int from, int to) {
        int length = to - from;
        for (Op op : CANDIDATES) {
            if (op != UNKNOWN && op.prefix.length <= length && startsWith(line, from, op.prefix)) {
                return op;
            }
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] line, int from, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (line[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
