package dev.beanstalk.client;

/**
 * How a fleet's job ids are formed: the server's index in the configured list in the top bits (56 to 62), the
 * server's own id in the low 56 bits. Server 0's ids are exactly its own, and so are every id of a one-server client.
 * A PHP tool or {@code beanstalk-cli} talking to server {@link #serverIndex(long)} directly must use
 * {@link #serverJobId(long)}; ids stored elsewhere stay valid as long as the list keeps its order (add servers at its
 * end).
 */
public final class FleetIds {

    /** The most servers a fleet may have. */
    public static final int MAX_SERVERS = 128;
    /** The bit where the server index starts. */
    public static final int INDEX_SHIFT = 56;
    private static final long SERVER_ID_MASK = (1L << INDEX_SHIFT) - 1;

    private FleetIds() {
    }

    /** The fleet id of job {@code serverJobId} of server {@code serverIndex}. */
    public static long of(int serverIndex, long serverJobId) {
        if (serverIndex < 0 || serverIndex >= MAX_SERVERS) {
            throw new IllegalArgumentException("serverIndex must be between 0 and " + (MAX_SERVERS - 1) + ", was "
                    + serverIndex);
        }
        if (serverIndex == 0) {
            return serverJobId;
        }
        if ((serverJobId & ~SERVER_ID_MASK) != 0) {
            throw new IllegalArgumentException("a fleet can only number server job ids below 2^" + INDEX_SHIFT
                    + ", was " + Long.toUnsignedString(serverJobId));
        }
        return ((long) serverIndex << INDEX_SHIFT) | serverJobId;
    }

    /** The index in the server list of the server holding the job with this fleet id. */
    public static int serverIndex(long fleetId) {
        return (int) (fleetId >>> INDEX_SHIFT);
    }

    /** The job's id on its own server. */
    public static long serverJobId(long fleetId) {
        return fleetId & SERVER_ID_MASK;
    }
}
