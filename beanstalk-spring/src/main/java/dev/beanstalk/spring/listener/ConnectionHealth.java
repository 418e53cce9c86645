package dev.beanstalk.spring.listener;

import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.spring.event.ListenerConnectionLostEvent;
import dev.beanstalk.spring.event.ListenerConnectionRestoredEvent;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Whether a container's workers reach the server: one WARN and event when the first worker loses it, one INFO and
 * event when the last is back, with the number of failed attempts in between; each worker's own retries log at DEBUG.
 */
final class ConnectionHealth {

    private static final Log log = LogFactory.getLog(BeanstalkListenerContainer.class);

    private final BeanstalkListenerContainer container;
    private int workersDown;
    private long failures;

    ConnectionHealth(BeanstalkListenerContainer container) {
        this.container = container;
    }

    private String servers() {
        List<ServerAddress> servers = container.client().servers();
        return servers.size() == 1 ? "the server " + servers : "a server of the fleet " + servers;
    }

    /** A worker that was connected failed to reach the server. */
    void lost(String worker, Throwable failure) {
        boolean first;
        synchronized (this) {
            first = workersDown++ == 0;
            failures++;
        }
        log.debug("Listener " + worker + " lost the server (" + failure.getMessage() + ")");
        if (first) {
            log.warn("Listener " + container.getId() + " lost " + servers()
                    + " (" + failure.getMessage() + "); its workers keep trying to connect");
            container.publish(new ListenerConnectionLostEvent(container, container.getId(), failure));
        }
    }

    /** A worker that had lost the server tried again and failed. */
    void stillDown(String worker, Throwable failure, long nextTryMillis) {
        synchronized (this) {
            failures++;
        }
        log.debug("Listener " + worker + " could not connect (" + failure.getMessage() + "); trying again in "
                + nextTryMillis + " ms");
    }

    /** A worker that had lost the server stopped without connecting again. */
    synchronized void exited() {
        if (--workersDown == 0) {
            failures = 0;
        }
    }

    /** A worker that had lost the server is connected again. */
    void restored(String worker) {
        long failed;
        synchronized (this) {
            if (--workersDown > 0) {
                log.debug("Listener " + worker + " connected again");
                return;
            }
            failed = failures;
            failures = 0;
        }
        log.info("Listener " + container.getId() + " connected again to " + servers()
                + " after " + failed + " failed attempts");
        container.publish(new ListenerConnectionRestoredEvent(container, container.getId(), failed));
    }
}
