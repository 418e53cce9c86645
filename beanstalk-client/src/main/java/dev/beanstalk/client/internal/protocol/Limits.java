package dev.beanstalk.client.internal.protocol;

import java.time.Duration;

/** The server's limits, checked before anything reaches the wire, so that a bad value never desynchronises a stream. */
public final class Limits {

    /** The largest unsigned 32-bit value: the limit of priorities, delays, TTRs and pause times. */
    public static final long MAX_U32 = 0xFFFF_FFFFL;

    /** The largest {@code reserve-with-timeout} argument that beanstalkd 1.13 accepts. */
    public static final long MAX_RESERVE_TIMEOUT_SECONDS = Integer.MAX_VALUE;

    /** The longest tube name, in bytes. */
    public static final int MAX_TUBE_NAME_LENGTH = 200;

    /** beanstalkd's default {@code -z}: the largest job body it accepts. */
    public static final int DEFAULT_MAX_JOB_SIZE = 65_535;

    /** beanstalkd clamps {@code -z} to this value. */
    public static final int MAX_JOB_SIZE = 1_073_741_824;

    /** How much of a rejected value a message shows. */
    public static final int QUOTED_LENGTH = 60;

    private static final boolean[] TUBE_CHARS = new boolean[128];

    static {
        String allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-+/;.$_()";
        for (int i = 0; i < allowed.length(); i++) {
            TUBE_CHARS[allowed.charAt(i)] = true;
        }
    }

    private Limits() {
    }

    /** Returns the value, or throws an {@link IllegalArgumentException} naming the parameter if it is null. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * The text quoted for a message: control and non-ASCII characters escaped ({@code \r}, {@code \n},
     * {@code \0}, a backslash-u and four hex digits), and cut after {@value #QUOTED_LENGTH} characters, so no log line is broken or
     * flooded by hostile input.
     */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder("'");
        int end = Math.min(text.length(), QUOTED_LENGTH);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> quoted.append("\\r");
                case '\n' -> quoted.append("\\n");
                case '\0' -> quoted.append("\\0");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        quoted.append('\'');
        if (text.length() > QUOTED_LENGTH) {
            quoted.append("... (").append(text.length()).append(" characters)");
        }
        return quoted.toString();
    }

    /** Returns the name if beanstalkd accepts it: 1 to 200 of {@code A-Za-z0-9-+/;.$_()}, not starting with '-'. */
    public static String tube(String name) {
        if (name == null) {
            throw new IllegalArgumentException("tube name must not be null");
        }
        if (name.isEmpty() || name.length() > MAX_TUBE_NAME_LENGTH) {
            throw new IllegalArgumentException("tube name " + quote(name) + " must be 1 to " + MAX_TUBE_NAME_LENGTH
                    + " characters long, was " + name.length());
        }
        if (name.charAt(0) == '-') {
            throw new IllegalArgumentException("tube name " + quote(name) + " must not start with '-'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 128 || !TUBE_CHARS[c]) {
                throw new IllegalArgumentException("tube name " + quote(name) + " has the character "
                        + quote(String.valueOf(c)) + " at index " + i
                        + "; only A-Z a-z 0-9 and - + / ; . $ _ ( ) are allowed");
            }
        }
        return name;
    }

    /** Returns the value if it is an unsigned 32-bit number (0 to 4294967295). */
    public static long u32(String what, long value) {
        if (value < 0 || value > MAX_U32) {
            throw new IllegalArgumentException(what + " must be between 0 and " + MAX_U32 + ", was " + value);
        }
        return value;
    }

    /** Returns the duration in whole seconds, rounded up, if that fits the protocol's unsigned 32 bits. */
    public static long seconds(String what, Duration duration, long max) {
        if (duration == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + duration);
        }
        long whole = duration.getSeconds();
        if (whole > max || (whole == max && duration.getNano() > 0)) {
            throw new IllegalArgumentException(what + " must be at most " + max + " seconds, was " + duration);
        }
        return whole + (duration.getNano() > 0 ? 1 : 0);
    }

    /** Returns the job id if it can name a job: ids start at 1 (they are unsigned, so negative values are large ids). */
    public static long jobId(long id) {
        if (id == 0) {
            throw new IllegalArgumentException("job id must not be 0: beanstalkd numbers jobs from 1");
        }
        return id;
    }

    /** Returns the body if it is at most {@code maxJobSize} bytes long. */
    public static byte[] body(byte[] body, int maxJobSize) {
        if (body == null) {
            throw new IllegalArgumentException("job body must not be null");
        }
        if (body.length > maxJobSize) {
            throw new IllegalArgumentException("job body of " + body.length + " bytes is larger than the maximum job size of "
                    + maxJobSize + " bytes");
        }
        return body;
    }
}
