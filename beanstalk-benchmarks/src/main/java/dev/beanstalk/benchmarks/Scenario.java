package dev.beanstalk.benchmarks;

/** One measured scenario: its name as compare.sh knows it, and a run that returns operations per second. */
public record Scenario(String name, Measurement measurement) {

    /** Runs a scenario once and returns its operations per second. */
    @FunctionalInterface
    public interface Measurement {
        double opsPerSecond() throws Exception;
    }

    public double run() throws Exception {
        return measurement.opsPerSecond();
    }
}
