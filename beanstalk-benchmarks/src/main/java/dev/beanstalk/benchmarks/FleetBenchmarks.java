package dev.beanstalk.benchmarks;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.JobOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The fleet scenarios, on the servers of a {@link BenchmarkFleet}: {@code fleet-put-pipelined}, a {@code putAll} of
 * an equal share of the jobs from one thread per server at once (round-robin sends each batch to the next server),
 * and {@code fleet-listener}, the {@code listener} scenario with one worker per server.
 */
final class FleetBenchmarks {

    private static final int WARM_UP = 5_000;

    private final BenchmarkSettings settings;
    private final BenchmarkFleet fleet;
    private final ListenerBenchmark listener;

    FleetBenchmarks(BenchmarkSettings settings, BenchmarkFleet fleet, ListenerBenchmark listener) {
        this.settings = settings;
        this.fleet = fleet;
        this.listener = listener;
    }

    List<Scenario> scenarios() {
        return List.of(new Scenario("fleet-put-pipelined", this::putPipelined),
                new Scenario("fleet-listener", () -> listener.throughput(fleet.addresses(), "1",
                        System.getenv().getOrDefault("BENCH_LISTENER_PREFETCH", "500"))));
    }

    private double putPipelined() {
        try (BeanstalkClient client = BeanstalkClient.create(ConnectionOptions.builder().servers(fleet.servers())
                .build())) {
            String tube = settings.tube("fleet-put-pipelined");
            int servers = fleet.servers().size();
            putShares(client, tube, WARM_UP / servers, servers);
            int share = settings.jobs() / servers;
            long start = System.nanoTime();
            putShares(client, tube, share, servers);
            return share * servers / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** One {@code putAll} of {@code share} jobs per server, all at once. */
    static void putShares(BeanstalkClient client, String tube, int share, int servers) {
        List<byte[]> bodies = Collections.nCopies(share, BenchmarkSettings.BODY);
        List<CompletableFuture<?>> running = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            running.add(CompletableFuture.runAsync(() -> client.putAll(tube, bodies, JobOptions.DEFAULT)));
        }
        running.forEach(CompletableFuture::join);
    }
}
