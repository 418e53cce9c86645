package dev.beanstalk.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every benchmark scenario against the server named by {@code BEANSTALK_HOST} and {@code BEANSTALK_PORT}, with
 * {@code BENCH_JOBS} jobs, and prints one {@code <scenario> <ops/s>} line each; a scenario name given as an argument
 * runs only that one. The {@code fleet-} scenarios run on {@code BEANSTALK_SERVERS}, or on that server and two
 * beanstalkd processes they start beside it.
 */
public final class BenchmarkRunner {

    private BenchmarkRunner() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromEnvironment();
        List<Scenario> scenarios = new ArrayList<>(new ClientBenchmarks(settings).scenarios());
        ListenerBenchmark listener = new ListenerBenchmark(settings);
        scenarios.addAll(listener.scenarios());
        try (BenchmarkFleet fleet = new BenchmarkFleet(settings)) {
            scenarios.addAll(new FleetBenchmarks(settings, fleet, listener).scenarios());
            for (Scenario scenario : scenarios) {
                if (args.length == 0 || List.of(args).contains(scenario.name())) {
                    System.out.printf("%s %.0f%n", scenario.name(), scenario.run());
                }
            }
        }
    }
}
