package dev.beanstalk.client.internal.connection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Enforces read timeouts from one background thread, so that sockets can block in plain reads: a timed socket read
 * costs a poll and a retry on every reply, a deadline checked here costs a clock read.
 *
 * <p>Deadlines are checked every {@link #TICK_MILLIS} ms, so a timeout fires up to that much late.
 */
final class ReadTimeouts {

    static final long TICK_MILLIS = 50;

    private static final Set<ProtocolConnection> WATCHED = ConcurrentHashMap.newKeySet();
    static {
        startSweeper();
    }

    private ReadTimeouts() {
    }

    static void watch(ProtocolConnection connection) {
        WATCHED.add(connection);
    }

    static void unwatch(ProtocolConnection connection) {
        WATCHED.remove(connection);
    }

    private static void startSweeper() {
        Thread thread = new Thread(ReadTimeouts::sweep, "beanstalk-read-timeouts");
        thread.setDaemon(true);
        thread.start();
    }

    private static void sweep() {
        while (true) {
            try {
                TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (ProtocolConnection connection : WATCHED) {
                connection.expireIfOverdue(now);
            }
        }
    }
}
