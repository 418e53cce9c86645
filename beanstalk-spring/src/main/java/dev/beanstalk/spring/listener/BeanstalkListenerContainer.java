package dev.beanstalk.spring.listener;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.spring.event.ListenerContainerIdleEvent;
import dev.beanstalk.spring.event.ListenerContainerStartedEvent;
import dev.beanstalk.spring.event.ListenerContainerStoppedEvent;
import dev.beanstalk.spring.metrics.BeanstalkMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Runs a {@link JobListener} on the jobs of some tubes with {@link ContainerProperties#concurrency()} workers per
 * server of the client's fleet, each a thread with its own connection to its server, on which it settles its jobs;
 * a server that is down holds back only its own workers.
 *
 * <p>A stop lets the workers finish the job in hand and stop reserving; handlers still running after the shutdown
 * timeout are interrupted and their jobs released. Idle workers, waiting in a reserve without a job, stop or pause at
 * once. Handlers running longer than half a second are touched every half TTR while auto-touch is on, so their jobs
 * are not given to another worker. A failed handler's job is settled as the {@link JobErrorHandler} decides.
 *
 * <p>With an {@link ApplicationEventPublisher} the container publishes the events of
 * {@link dev.beanstalk.spring.event}. Worker threads are named {@code <id>-<n>}, as in log lines.
 */
public final class BeanstalkListenerContainer implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(BeanstalkListenerContainer.class);

    private static final long TOUCH_SCAN_MILLIS = 100;

    private static final long ABANDON_WAIT_MILLIS = 500;

    /** The tube of a job of a multi-tube listener that was gone before its tube could be asked. */
    static final String UNKNOWN_TUBE = "unknown";

    private final String id;
    private final List<String> tubes;
    private final JobListener listener;
    private final BeanstalkClient client;
    private final ContainerProperties properties;
    private final BeanstalkMetrics metrics;
    private final ConnectionHealth health = new ConnectionHealth(this);
    private final List<String> serverTags;
    private final Object monitor = new Object();
    private final AtomicLong lastJobNanos = new AtomicLong();
    private final AtomicLong lastIdleEventNanos = new AtomicLong();
    private final Map<JobOutcome, LongAdder> handled = new EnumMap<>(JobOutcome.class);
    private volatile JobErrorHandler errorHandler = new DefaultJobErrorHandler();
    private volatile @Nullable ApplicationEventPublisher eventPublisher;
    private volatile boolean active;
    private volatile boolean running;
    private volatile boolean paused;
    private volatile List<Worker> workers = List.of();
    private CountDownLatch exited = new CountDownLatch(0);
    private @Nullable ScheduledExecutorService toucher;

    public BeanstalkListenerContainer(String id, List<String> tubes, JobListener listener, BeanstalkClient client,
            ContainerProperties properties, BeanstalkMetrics metrics) {
        this.id = Objects.requireNonNull(id, "id");
        this.tubes = List.copyOf(tubes);
        if (this.tubes.isEmpty()) {
            throw new IllegalArgumentException("listener " + id + " needs at least one tube");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        this.client = Objects.requireNonNull(client, "client");
        this.serverTags = client.servers().stream().map(ServerAddress::toString).toList();
        this.properties = Objects.requireNonNull(properties, "properties");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        for (JobOutcome outcome : JobOutcome.values()) {
            handled.put(outcome, new LongAdder());
        }
    }

    public String getId() {
        return id;
    }

    public List<String> getTubes() {
        return tubes;
    }

    public ContainerProperties properties() {
        return properties;
    }

    /** Decides what happens to the jobs whose handler failed; a {@link DefaultJobErrorHandler} unless set. */
    public void setErrorHandler(JobErrorHandler errorHandler) {
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
    }

    public JobErrorHandler getErrorHandler() {
        return errorHandler;
    }

    /** Where the container publishes its events; none are published without one. */
    public void setApplicationEventPublisher(@Nullable ApplicationEventPublisher eventPublisher) {
        this.eventPublisher = eventPublisher;
    }

    @Override
    public void start() {
        synchronized (monitor) {
            if (running) {
                return;
            }
            active = true;
            running = true;
            int servers = client.servers().size();
            exited = new CountDownLatch(properties.concurrency() * servers);
            List<Worker> started = new ArrayList<>();
            for (int i = 1; i <= properties.concurrency() * servers; i++) {
                started.add(new Worker(this, i, (i - 1) / properties.concurrency()));
            }
            lastJobNanos.set(System.nanoTime());
            lastIdleEventNanos.set(lastJobNanos.get());
            workers = List.copyOf(started);
            if (properties.autoTouch()) {
                toucher = Executors.newSingleThreadScheduledExecutor(this::toucherThread);
                toucher.scheduleWithFixedDelay(this::touchDue, TOUCH_SCAN_MILLIS, TOUCH_SCAN_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(id + "-worker-");
            if (properties.virtualThreads()) {
                executor.setVirtualThreads(true);
            }
            workers.forEach(executor::execute);
        }
        log.info("Listener " + id + " started on " + tubes + " with " + workers.size() + " workers"
                + (client.servers().size() == 1 ? "" : ", " + properties.concurrency() + " per server"));
        publish(new ListenerContainerStartedEvent(this, id));
    }

    @Override
    public void stop() {
        CountDownLatch stopped = new CountDownLatch(1);
        stop(stopped::countDown);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops reserving, waits up to the shutdown timeout for running handlers, then runs {@code callback}. */
    @Override
    public void stop(Runnable callback) {
        CountDownLatch latch;
        List<Worker> stopping;
        synchronized (monitor) {
            if (!running || !active) {
                callback.run();
                return;
            }
            active = false;
            monitor.notifyAll();
            latch = exited;
            stopping = workers;
        }
        stopping.forEach(Worker::wake);
        Thread stopper = new Thread(() -> {
            try {
                awaitWorkers(latch, stopping);
            } finally {
                finishStop();
                callback.run();
            }
        }, id + "-stop");
        stopper.start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.autoStartup();
    }

    /** Stops taking jobs until {@link #resume()}; jobs in hand are finished. */
    public void pause() {
        paused = true;
        workers.forEach(Worker::wake);
        log.info("Listener " + id + " paused");
    }

    public void resume() {
        synchronized (monitor) {
            paused = false;
            monitor.notifyAll();
        }
        log.info("Listener " + id + " resumed");
    }

    public boolean isPaused() {
        return paused;
    }

    /** How many jobs this container finished, by outcome, since it was created; every outcome is a key. */
    public Map<JobOutcome, Long> getHandledCounts() {
        Map<JobOutcome, Long> counts = new EnumMap<>(JobOutcome.class);
        handled.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        return counts;
    }

    @Override
    public String toString() {
        return "BeanstalkListenerContainer[" + id + " on " + tubes + "]";
    }

    BeanstalkClient client() {
        return client;
    }

    JobListener listener() {
        return listener;
    }

    ConnectionHealth health() {
        return health;
    }

    void publish(ApplicationEvent event) {
        ApplicationEventPublisher publisher = eventPublisher;
        if (publisher != null) {
            try {
                publisher.publishEvent(event);
            } catch (RuntimeException e) {
                log.warn("A listener of " + event + " failed", e);
            }
        }
    }

    /** A worker reserved a job. */
    void jobReceived() {
        lastJobNanos.set(System.nanoTime());
    }

    /** A worker's reserve timed out: publishes an idle event when the container has been idle long enough. */
    void reserveTimedOut() {
        Duration interval = properties.idleEventInterval();
        if (interval == null) {
            return;
        }
        long now = System.nanoTime();
        long since = Math.max(lastJobNanos.get(), lastIdleEventNanos.get());
        long last = lastIdleEventNanos.get();
        if (now - since >= interval.toNanos() && lastIdleEventNanos.compareAndSet(last, now)) {
            publish(new ListenerContainerIdleEvent(this, id, Duration.ofNanos(now - lastJobNanos.get())));
        }
    }

    boolean isActive() {
        return active;
    }

    void record(String tube, int server, JobOutcome outcome, long nanos) {
        handled.get(outcome).increment();
        metrics.handled(id, tube, serverTags.get(server), outcome, nanos);
    }

    /**
     * The tube {@code job} came from: the listener's one tube, or, when it watches several, the job's own as
     * {@code stats-job} tells (one more round trip per job).
     */
    String tubeOf(Job job, BeanstalkConnection connection) {
        if (tubes.size() == 1) {
            return tubes.get(0);
        }
        return connection.statsJob(job.id()).map(JobStats::tube).orElse(UNKNOWN_TUBE);
    }

    void reconnected(int server) {
        metrics.reconnected(id, serverTags.get(server));
    }

    void workerExited() {
        exited.countDown();
    }

    /** Waits while paused, until resumed or stopped. */
    void awaitResume() {
        synchronized (monitor) {
            while (paused && active) {
                waitOnMonitor(0);
            }
        }
    }

    /** Waits for {@code duration}, or less if the container stops. */
    void sleep(Duration duration) {
        synchronized (monitor) {
            if (active) {
                waitOnMonitor(Math.max(1, duration.toMillis()));
            }
        }
    }

    private void waitOnMonitor(long millis) {
        try {
            monitor.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            active = false;
        }
    }

    private void touchDue() {
        long now = System.nanoTime();
        for (Worker worker : workers) {
            InFlightJob job = worker.current();
            if (job != null) {
                try {
                    job.touchIfDue(now);
                } catch (RuntimeException e) {
                    log.warn("Could not touch job " + job.job().idString() + " of listener " + id, e);
                }
            }
        }
    }

    private void awaitWorkers(CountDownLatch latch, List<Worker> stopping) {
        try {
            if (!latch.await(properties.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                stopping.forEach(Worker::abandon);
                latch.await(ABANDON_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void finishStop() {
        synchronized (monitor) {
            if (toucher != null) {
                toucher.shutdownNow();
                toucher = null;
            }
            running = false;
        }
        log.info("Listener " + id + " stopped");
        publish(new ListenerContainerStoppedEvent(this, id));
    }

    private Thread toucherThread(Runnable runnable) {
        Thread thread = new Thread(runnable, id + "-touch");
        thread.setDaemon(true);
        return thread;
    }
}
