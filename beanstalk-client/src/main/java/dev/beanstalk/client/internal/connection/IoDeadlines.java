package dev.beanstalk.client.internal.connection;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Enforces read and write deadlines from one daemon thread, {@code beanstalk-io-deadlines}, so that sockets can block
 * in plain reads and writes: a deadline checked here costs a clock read per reply, a timed socket read a poll and a
 * retry. The thread only closes overdue sockets; it never completes a future, so no user code runs on it.
 *
 * <p>Deadlines are checked every {@link #TICK_MILLIS} ms, so a timeout fires up to that much late.
 */
final class IoDeadlines {

    static final long TICK_MILLIS = 50;
    static final String THREAD_NAME = "beanstalk-io-deadlines";

    private static final Set<ProtocolConnection> WATCHED = ConcurrentHashMap.newKeySet();

    static {
        Thread thread = new Thread(IoDeadlines::sweep, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    private IoDeadlines() {
    }

    static void watch(ProtocolConnection connection) {
        WATCHED.add(connection);
    }

    static void unwatch(ProtocolConnection connection) {
        WATCHED.remove(connection);
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
