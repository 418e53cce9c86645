package dev.beanstalk.client.internal.protocol;

import java.nio.charset.StandardCharsets;

/** Every beanstalkd 1.12 command, with the bytes that start its command line computed once. */
public enum CommandType {
    PUT("put", true),
    USE("use", true),
    RESERVE("reserve", false),
    RESERVE_WITH_TIMEOUT("reserve-with-timeout", true),
    RESERVE_JOB("reserve-job", true),
    DELETE("delete", true),
    RELEASE("release", true),
    BURY("bury", true),
    TOUCH("touch", true),
    WATCH("watch", true),
    IGNORE("ignore", true),
    PEEK("peek", true),
    PEEK_READY("peek-ready", false),
    PEEK_DELAYED("peek-delayed", false),
    PEEK_BURIED("peek-buried", false),
    KICK("kick", true),
    KICK_JOB("kick-job", true),
    STATS_JOB("stats-job", true),
    STATS_TUBE("stats-tube", true),
    STATS("stats", false),
    LIST_TUBES("list-tubes", false),
    LIST_TUBE_USED("list-tube-used", false),
    LIST_TUBES_WATCHED("list-tubes-watched", false),
    PAUSE_TUBE("pause-tube", true),
    QUIT("quit", false);

    private final String wireName;
    private final byte[] bytes;

    CommandType(String wireName, boolean takesArguments) {
        this.wireName = wireName;
        this.bytes = (wireName + (takesArguments ? " " : "\r\n")).getBytes(StandardCharsets.US_ASCII);
    }

    /** The command's name on the wire, such as {@code reserve-with-timeout}. */
    public String wireName() {
        return wireName;
    }

    /** The name followed by a space when arguments follow, or by CRLF when the command has none. */
    public byte[] bytes() {
        return bytes;
    }
}
