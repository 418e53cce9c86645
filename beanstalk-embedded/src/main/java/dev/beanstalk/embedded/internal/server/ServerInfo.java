package dev.beanstalk.embedded.internal.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** What {@code stats} says about the process and the machine: values that legitimately differ from beanstalkd. */
public record ServerInfo(String version, long pid, String id, String hostname, String os, String platform) {

    /** The protocol version this server reproduces, reported as {@code version} so clients enable 1.12 features. */
    public static final String VERSION = "1.12";

    private static final Path PROC_STAT = Path.of("/proc/self/stat");
    /** USER_HZ, which Linux fixes at 100 for every architecture beanstalkd runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    public static ServerInfo current() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String arch = System.getProperty("os.arch", "unknown");
        return new ServerInfo(VERSION, ProcessHandle.current().pid(), HexFormat.of().formatHex(random), localHostname(),
                kernelVersion(),
                arch.equals("amd64") ? "x86_64" : arch);
    }

    /**
     * The user and system CPU time of this process in microseconds, as beanstalkd's {@code getrusage} reports them;
     * from {@code /proc/self/stat} on Linux (clock-tick resolution), elsewhere the whole CPU time counts as user time.
     */
    static long[] cpuMicros() {
        try {
            String stat = Files.readString(PROC_STAT, StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of proc(5), counted from the state, which is field 3
            return new long[] {ticksToMicros(fields[11]), ticksToMicros(fields[12])};
        } catch (IOException | RuntimeException notLinux) {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            long total = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
            return new long[] {Math.max(0, total / 1000), 0};
        }
    }

    private static long ticksToMicros(String ticks) {
        return Long.parseLong(ticks) * (1_000_000 / CLOCK_TICKS_PER_SECOND);
    }

    /** What {@code uname -v} prints, as beanstalkd reports it ({@code #1 SMP PREEMPT_DYNAMIC ...} on Linux). */
    private static String kernelVersion() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/version"), StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException notLinux) {
            return System.getProperty("os.version", "unknown");
        }
    }

    private static String localHostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).trim();
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
