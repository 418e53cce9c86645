package dev.beanstalk.spring.listener;

import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.Job;
import dev.beanstalk.client.Reservation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One worker of a container: a thread with its own connection to one server of the fleet that reserves a job, runs the listener on it and
 * settles it, sending the delete of one job and the reserve of the next in one write.
 *
 * <p>A worker holds at most one job and never reserves while holding it, so a handler that outlives its TTR is kept
 * by the container's touches, not by answering {@code DEADLINE_SOON}. With a prefetch above 1 it reserves a batch
 * of ready jobs instead, each reserve answered at once (a {@code DEADLINE_SOON} or {@code TIMED_OUT} among them just
 * brings fewer jobs). Nothing stops a worker but its container: a failing handler's job is settled by the
 * {@link FailureSettler}, and a lost connection is opened again with a growing pause. The worker's thread carries its
 * name, {@code <container id>-<n>}, as its log lines do.
 *
 * <p>A worker waiting in a reserve without a job in hand is {@linkplain #wake() woken} by a stop or a pause by
 * closing its connection, which loses nothing; it opens a new one when it reserves again.
 */
final class Worker implements Runnable {

    private static final Log log = LogFactory.getLog(Worker.class);

    private final BeanstalkListenerContainer container;
    private final FailureSettler settler;
    private final String name;
    private final int server;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private Duration backoff;
    private BeanstalkConnection connection;
    private boolean lostConnection;
    private boolean down;
    private volatile InFlightJob current;
    private volatile Thread thread;
    private final IdleReserve idleReserve = new IdleReserve();

    Worker(BeanstalkListenerContainer container, int index, int server) {
        this.container = container;
        this.settler = new FailureSettler(container);
        this.name = container.getId() + "-" + index;
        this.server = server;
        this.initialBackoff = container.client().options().reconnectDelay();
        this.maxBackoff = container.client().options().maxReconnectDelay();
        this.backoff = initialBackoff;
    }

    /** A handled job to delete, with its tube and the time its handler took. */
    private record Finished(long id, String tube, long nanos) {
    }

    /** A delete sent without waiting for its reply, in prefetch mode. */
    private record SentDelete(Finished job, CompletableFuture<Boolean> deleted) {
    }

    private final List<SentDelete> sentDeletes = new ArrayList<>();

    @Override
    public void run() {
        thread = Thread.currentThread();
        thread.setName(name);
        Finished finished = null;
        try {
            boolean prefetching = container.properties().prefetch() > 1;
            while (container.isActive()) {
                try {
                    if (prefetching) {
                        stepPrefetching();
                    } else {
                        finished = step(finished);
                    }
                } catch (IdleReserve.WokenException | FailureSettler.SettleFailedException e) {
                    finished = null;
                    sentDeletes.clear();
                    dropConnection();
                } catch (Throwable e) {
                    finished = null;
                    sentDeletes.clear();
                    recover(e);
                }
            }
            deleteQuietly(finished);
            awaitDeletesQuietly();
        } finally {
            if (down) {
                container.health().exited();
            }
            if (connection != null) {
                connection.close();
            }
            thread = null;
            container.workerExited();
        }
    }

    /** The job running a handler now, or null. */
    InFlightJob current() {
        return current;
    }

    /** Releases the job whose handler is still running, and interrupts that handler; for a stop that gave up. */
    void abandon() {
        InFlightJob job = current;
        Thread running = thread;
        if (job != null && job.abandon()) {
            log.warn("Listener " + name + " did not finish job " + job.job().idString() + " within the shutdown"
                    + " timeout; it was released and its handler interrupted");
            if (running != null) {
                running.interrupt();
            }
        }
    }

    /** Ends a reserve that waits without a job in hand, for a stop or a pause to take effect at once. */
    void wake() {
        idleReserve.wake();
    }

    private Reservation reserveWhileIdle() {
        return idleReserve.reserve(connection, container.properties().reserveTimeout(),
                () -> !container.isActive() || container.isPaused());
    }

    private Finished step(Finished finished) {
        ensureConnected();
        if (container.isPaused()) {
            deleteNow(finished);
            container.awaitResume();
            return null;
        }
        Reservation reservation;
        if (finished == null) {
            reservation = reserveWhileIdle();
        } else {
            // a ready job comes back in the same write; with none, the next step waits in a reserve a stop can end
            BeanstalkConnection.NextJob next = connection.deleteAndReserve(finished.id(), Duration.ZERO);
            recordDelete(finished, next.deleted());
            reservation = next.reservation();
        }
        backoff = initialBackoff;
        if (reservation instanceof Reservation.Reserved reserved) {
            if (!container.isActive()) {
                return null;
            }
            return handle(reserved.job());
        }
        if (reservation instanceof Reservation.DeadlineSoon) {
            log.debug("Listener " + name + " was told DEADLINE_SOON without holding a job");
        } else if (finished == null) {
            container.reserveTimedOut();
        }
        return null;
    }

    /**
     * Reserves up to {@code prefetch} ready jobs in one go (the deletes of the last batch go first), or waits for one
     * when none is ready, and runs them in order.
     */
    private void stepPrefetching() {
        ensureConnected();
        if (container.isPaused()) {
            awaitDeletes();
            container.awaitResume();
            return;
        }
        int prefetch = container.properties().prefetch();
        List<CompletableFuture<Reservation>> reserves = new ArrayList<>(prefetch);
        connection.async().inOneWrite(() -> {
            for (int i = 0; i < prefetch; i++) {
                reserves.add(connection.async().reserve(Duration.ZERO));
            }
        });
        awaitDeletes();
        List<Job> jobs = new ArrayList<>(prefetch);
        for (CompletableFuture<Reservation> reserve : reserves) {
            join(reserve).reservedJob().ifPresent(jobs::add);
        }
        if (jobs.isEmpty()) {
            reserveWhileIdle().reservedJob().ifPresentOrElse(jobs::add, container::reserveTimedOut);
        }
        backoff = initialBackoff;
        for (Job job : jobs) {
            if (!container.isActive()) {
                return;
            }
            Finished finished = handle(job);
            if (finished != null) {
                sentDeletes.add(new SentDelete(finished, connection.async().delete(finished.id())));
            }
        }
    }

    private void awaitDeletes() {
        for (SentDelete sent : sentDeletes) {
            recordDelete(sent.job(), join(sent.deleted()));
        }
        sentDeletes.clear();
    }

    private void awaitDeletesQuietly() {
        try {
            awaitDeletes();
        } catch (RuntimeException e) {
            log.warn("Listener " + name + " could not confirm " + sentDeletes.size() + " deletes while stopping;"
                    + " jobs not deleted return to the ready queue and run again", e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Finished handle(Job job) {
        container.jobReceived();
        long start = System.nanoTime();
        InFlightJob inFlight = new InFlightJob(job, container.tubeOf(job, connection), connection, start);
        current = inFlight;
        Throwable failure = null;
        try {
            invokeListener(job, inFlight);
        } catch (Throwable e) {
            failure = e;
        } finally {
            inFlight.stopTouching();
            current = null;
            Thread.interrupted();
        }
        long nanos = System.nanoTime() - start;
        if (!inFlight.settle()) {
            settledElsewhere(inFlight, failure, nanos);
            return null;
        }
        if (failure == null) {
            return new Finished(job.id(), inFlight.tube(), nanos);
        }
        container.record(inFlight.tube(), server, settler.settle(name, connection, job, failure), nanos);
        return null;
    }

    /** Runs the listener on one job, with the job's MDC entries set. */
    private void invokeListener(Job job, InFlightJob inFlight) throws Exception {
        ListenerMdc.put(job, inFlight.tube(), container.getId());
        try {
            container.listener().onJob(job, inFlight);
        } finally {
            ListenerMdc.clear();
        }
    }

    private void settledElsewhere(InFlightJob inFlight, Throwable failure, long nanos) {
        JobOutcome byHand = inFlight.settledByHand();
        if (byHand != null) {
            container.record(inFlight.tube(), server, byHand, nanos);
        }
        if (failure != null) {
            log.warn("Listener " + name + " failed on job " + inFlight.job().idString() + " after it was "
                    + (byHand != null ? byHand.tagValue() : "released by a stop"), failure);
        }
    }

    private void recordDelete(Finished finished, boolean deleted) {
        if (!deleted) {
            log.warn("Job " + Long.toUnsignedString(finished.id()) + " was no longer held by listener " + name
                    + " when its handler returned: its TTR ran out, so it may run twice");
        }
        container.record(finished.tube(), server, deleted ? JobOutcome.DELETED : JobOutcome.EXPIRED,
                finished.nanos());
    }

    private void deleteNow(Finished finished) {
        if (finished != null) {
            recordDelete(finished, connection.delete(finished.id()));
        }
    }

    private void deleteQuietly(Finished finished) {
        try {
            deleteNow(finished);
        } catch (RuntimeException e) {
            log.warn("Listener " + name + " could not delete job " + Long.toUnsignedString(finished.id())
                    + " while stopping; it returns to the ready queue and runs again", e);
        }
    }

    private void ensureConnected() {
        if (connection == null) {
            connection = open();
        } else if (!connection.isOpen() || lostConnection) {
            connection.reconnect();
            lostConnection = false;
            container.reconnected(server);
        }
        if (down) {
            down = false;
            container.health().restored(name);
        }
    }

    private BeanstalkConnection open() {
        BeanstalkConnection opened = container.client().openConnection(server);
        try {
            for (String tube : container.getTubes()) {
                opened.watch(tube);
            }
            if (!container.getTubes().contains("default")) {
                opened.ignore("default");
            }
            return opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** Closes the connection without counting it lost: a wake, or a settle that failed. */
    private void dropConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        lostConnection = false;
    }

    private void recover(Throwable failure) {
        if (!container.isActive()) {
            return;
        }
        if (failure instanceof BeanstalkConnectionException) {
            if (down) {
                container.health().stillDown(name, failure, backoff.toMillis());
            } else {
                down = true;
                container.health().lost(name, failure);
            }
        } else {
            log.error("Listener " + name + " failed; it opens a new connection in " + backoff.toMillis() + " ms",
                    failure);
        }
        lostConnection = connection != null;
        if (connection != null && connection.isOpen() && !(failure instanceof BeanstalkConnectionException)) {
            dropConnection();
        }
        container.sleep(backoff);
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
    }
}
