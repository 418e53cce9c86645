package dev.beanstalk.dashboard;

import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Samples the server's, each tube's and each listener container's counters every {@code interval} on a thread of its
 * own, keeping the last hour of server samples and the last {@value #TUBE_SAMPLES} of each tube and container.
 *
 * <p>Memory is bounded by construction: rings of fixed capacity, at most {@value #MAX_TUBES} tubes (tubes that no
 * longer exist are forgotten). No user code runs on the sampling thread; a failing sample is logged once and retried on
 * the next tick. In a fleet the server counters are the sum over every server, each read on its own; while a server
 * is down no server sample is taken (the chart pauses rather than showing a false drop) and the error names it.
 */
public final class StatsSampler implements SmartLifecycle {

    /** The server's counters, in the order of every server sample. */
    public static final List<String> SERVER_SERIES = List.of("puts", "reserves", "deletes", "buries");

    static final int TUBE_SAMPLES = 60;

    static final int MAX_TUBES = 500;

    private static final Log log = LogFactory.getLog(StatsSampler.class);

    private final BeanstalkOperations operations;
    private final Supplier<Collection<BeanstalkListenerContainer>> containers;
    private final Duration interval;
    private final Ring<Sample> server;
    private final Map<String, Ring<Sample>> tubes = new ConcurrentHashMap<>();
    private final Map<String, Ring<Sample>> listeners = new ConcurrentHashMap<>();
    private volatile @Nullable String lastError;
    private @Nullable ScheduledExecutorService scheduler;

    public StatsSampler(BeanstalkOperations operations, Supplier<Collection<BeanstalkListenerContainer>> containers,
            Duration interval) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.containers = Objects.requireNonNull(containers, "containers");
        if (interval.toMillis() < 100) {
            throw new IllegalArgumentException("the sample interval must be at least 100ms, was " + interval);
        }
        this.interval = interval;
        this.server = new Ring<>((int) Math.min(3600, Math.max(2, Duration.ofHours(1).toMillis() / interval.toMillis())));
    }

    public Duration interval() {
        return interval;
    }

    /** Takes one sample now; the scheduler calls it every interval. */
    public void sample() {
        long now = System.currentTimeMillis();
        try {
            server.add(new Sample(now, serverCounters()));
            sampleTubes(now);
            if (lastError != null) {
                log.info("Beanstalk dashboard sampling works again");
            }
            lastError = null;
        } catch (RuntimeException e) {
            if (lastError == null) {
                log.warn("Beanstalk dashboard could not sample the server's stats: " + e);
            }
            lastError = String.valueOf(e.getMessage());
        }
        for (BeanstalkListenerContainer container : containers.get()) {
            long handled = container.getHandledCounts().values().stream().mapToLong(Long::longValue).sum();
            listeners.computeIfAbsent(container.getId(), id -> new Ring<>(TUBE_SAMPLES))
                    .add(new Sample(now, new long[] {handled}));
        }
    }

    /**
     * The {@link #SERVER_SERIES} counters summed over every server, each read on its own; throws naming the server if
     * one does not answer, since a sum without it would read as a drop in every counter.
     */
    private long[] serverCounters() {
        long[] counters = new long[SERVER_SERIES.size()];
        List<ServerAddress> servers = operations.servers();
        for (int i = 0; i < servers.size(); i++) {
            ServerStats stats;
            try {
                stats = operations.stats(i);
            } catch (RuntimeException e) {
                throw new IllegalStateException(servers.get(i) + ": " + e.getMessage(), e);
            }
            counters[0] += stats.cmdPut();
            counters[1] += stats.cmdReserve() + stats.cmdReserveWithTimeout();
            counters[2] += stats.cmdDelete();
            counters[3] += stats.cmdBury();
        }
        return counters;
    }

    private void sampleTubes(long now) {
        List<String> names = operations.listTubes();
        tubes.keySet().retainAll(names);
        for (String name : names) {
            Optional<TubeStats> stats = operations.statsTube(name);
            if (stats.isEmpty() || (!tubes.containsKey(name) && tubes.size() >= MAX_TUBES)) {
                continue;
            }
            tubes.computeIfAbsent(name, tube -> new Ring<>(TUBE_SAMPLES))
                    .add(new Sample(now, new long[] {stats.get().totalJobs(), stats.get().cmdDelete()}));
        }
    }

    /** Why the last sample failed, or null if it did not. */
    public @Nullable String lastError() {
        return lastError;
    }

    /** The server's rates per second over the last hour, one series per {@link #SERVER_SERIES} name. */
    public Sample.Rates serverRates() {
        return Sample.rates(server.toList(), SERVER_SERIES.size());
    }

    /** The tube's puts and deletes per second over the last samples; empty before two samples. */
    public Sample.Rates tubeRates(String tube) {
        Ring<Sample> ring = tubes.get(tube);
        return Sample.rates(ring == null ? List.of() : ring.toList(), 2);
    }

    /** The jobs per second the container finished, over the last samples. */
    public Sample.Rates listenerRates(String containerId) {
        Ring<Sample> ring = listeners.get(containerId);
        return Sample.rates(ring == null ? List.of() : ring.toList(), 1);
    }

    int serverCapacity() {
        return server.capacity();
    }

    int trackedTubes() {
        return tubes.size();
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "beanstalk-dashboard-sampler");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = scheduler;
        if (running != null) {
            running.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
