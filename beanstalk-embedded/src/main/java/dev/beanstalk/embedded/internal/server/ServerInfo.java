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

    public static ServerInfo current() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String arch = System.getProperty("os.arch", "unknown");
        return new ServerInfo(VERSION, ProcessHandle.current().pid(), HexFormat.of().formatHex(random), localHostname(),
                System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", ""),
                arch.equals("amd64") ? "x86_64" : arch);
    }

    /** The CPU time of this process in microseconds, for {@code rusage-utime}. */
    long cpuMicros() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime() / 1000);
        }
        return 0;
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
