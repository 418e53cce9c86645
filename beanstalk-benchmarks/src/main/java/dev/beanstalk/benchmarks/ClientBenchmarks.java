package dev.beanstalk.benchmarks;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.Reservation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The client scenarios: blocking puts, pipelined puts, blocking puts from 8 threads through one
 * {@link BeanstalkClient} (and, beside it, asynchronous ones), and blocking reserve + delete. Blocking scenarios use a fifth of the jobs, as anchors.py does.
 */
final class ClientBenchmarks {

    private static final JobOptions OPTIONS = JobOptions.DEFAULT;
    private static final int THREADS = 8;
    private static final int WARM_UP = 5_000;
    private static final int ASYNC_WINDOW = 128;

    private final BenchmarkSettings settings;
    private final ConnectionOptions options;

    ClientBenchmarks(BenchmarkSettings settings) {
        this.settings = settings;
        this.options = ConnectionOptions.of(settings.host(), settings.port());
    }

    List<Scenario> scenarios() {
        return List.of(new Scenario("put-sync", this::putSync), new Scenario("put-pipelined", this::putPipelined),
                new Scenario("put-concurrent", this::putConcurrent),
                new Scenario("put-concurrent-async", this::putConcurrentAsync),
                new Scenario("reserve-delete-sync", this::reserveDeleteSync));
    }

    private double putSync() {
        try (BeanstalkClient client = BeanstalkClient.create(options)) {
            String tube = settings.tube("put-sync");
            putEach(client, tube, WARM_UP);
            int jobs = settings.jobs() / 5;
            long start = System.nanoTime();
            putEach(client, tube, jobs);
            return perSecond(jobs, start);
        }
    }

    private double putPipelined() {
        try (BeanstalkClient client = BeanstalkClient.create(options)) {
            String tube = settings.tube("put-pipelined");
            client.putAll(tube, Collections.nCopies(WARM_UP, BenchmarkSettings.BODY), OPTIONS);
            List<byte[]> bodies = Collections.nCopies(settings.jobs(), BenchmarkSettings.BODY);
            long start = System.nanoTime();
            client.putAll(tube, bodies, OPTIONS);
            return perSecond(bodies.size(), start);
        }
    }

    private double putConcurrent() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try (BeanstalkClient client = BeanstalkClient.create(options)) {
            String tube = settings.tube("put-concurrent");
            runOnAll(threads, () -> putEach(client, tube, WARM_UP / THREADS));
            int perThread = settings.jobs() / THREADS;
            long start = System.nanoTime();
            runOnAll(threads, () -> putEach(client, tube, perThread));
            return perSecond(perThread * THREADS, start);
        } finally {
            threads.shutdownNow();
        }
    }

    /** As put-concurrent, but each thread keeps a window of puts in flight with {@code putAsync}. */
    private double putConcurrentAsync() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try (BeanstalkClient client = BeanstalkClient.create(options)) {
            String tube = settings.tube("put-concurrent-async");
            runOnAll(threads, () -> putWindowed(client, tube, WARM_UP / THREADS));
            int perThread = settings.jobs() / THREADS;
            long start = System.nanoTime();
            runOnAll(threads, () -> putWindowed(client, tube, perThread));
            return perSecond(perThread * THREADS, start);
        } finally {
            threads.shutdownNow();
        }
    }

    private static Void putWindowed(BeanstalkClient client, String tube, int jobs) {
        CompletableFuture<?>[] window = new CompletableFuture<?>[ASYNC_WINDOW];
        for (int i = 0; i < jobs; i++) {
            int slot = i % ASYNC_WINDOW;
            if (window[slot] != null) {
                window[slot].join();
            }
            window[slot] = client.putAsync(tube, BenchmarkSettings.BODY, OPTIONS);
        }
        CompletableFuture.allOf(java.util.Arrays.stream(window).filter(java.util.Objects::nonNull)
                .toArray(CompletableFuture<?>[]::new)).join();
        return null;
    }

    private double reserveDeleteSync() {
        int jobs = settings.jobs() / 5;
        String tube = settings.tube("reserve-delete-sync");
        try (BeanstalkClient client = BeanstalkClient.create(options);
                BeanstalkConnection worker = client.openConnection()) {
            client.putAll(tube, Collections.nCopies(jobs + WARM_UP, BenchmarkSettings.BODY), OPTIONS);
            worker.watch(tube);
            worker.ignore("default");
            reserveAndDelete(worker, WARM_UP);
            long start = System.nanoTime();
            reserveAndDelete(worker, jobs);
            return perSecond(jobs, start);
        }
    }

    private static void reserveAndDelete(BeanstalkConnection worker, int jobs) {
        for (int i = 0; i < jobs; i++) {
            Reservation reservation = worker.reserve(Duration.ZERO);
            Job job = reservation.reservedJob()
                    .orElseThrow(() -> new IllegalStateException("expected a job, got " + reservation));
            if (!worker.delete(job.id())) {
                throw new IllegalStateException("could not delete " + job);
            }
        }
    }

    private static Void putEach(BeanstalkClient client, String tube, int jobs) {
        for (int i = 0; i < jobs; i++) {
            client.put(tube, BenchmarkSettings.BODY, OPTIONS);
        }
        return null;
    }

    private static void runOnAll(ExecutorService threads, Callable<Void> task) throws Exception {
        List<Future<Void>> running = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            running.add(threads.submit(task));
        }
        for (Future<Void> future : running) {
            future.get();
        }
    }

    private static double perSecond(long operations, long startNanos) {
        return operations / ((System.nanoTime() - startNanos) / 1e9);
    }
}
