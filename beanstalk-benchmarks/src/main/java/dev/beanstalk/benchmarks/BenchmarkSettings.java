package dev.beanstalk.benchmarks;

import java.nio.charset.StandardCharsets;

/** The server and job count a benchmark run uses, from compare.sh's environment variables. */
public record BenchmarkSettings(String host, int port, int jobs) {

    /** The body anchors.py puts, so that every client moves the same bytes. */
    public static final byte[] BODY = "{\"id\":1,\"name\":\"test\"}".getBytes(StandardCharsets.US_ASCII);

    public static BenchmarkSettings fromEnvironment() {
        return new BenchmarkSettings(env("BEANSTALK_HOST", "127.0.0.1"), Integer.parseInt(env("BEANSTALK_PORT", "11300")),
                Integer.parseInt(env("BENCH_JOBS", "100000")));
    }

    /** A fresh tube name, so that runs never see each other's jobs. */
    public String tube(String scenario) {
        return "bench-" + scenario + "-" + System.nanoTime();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
