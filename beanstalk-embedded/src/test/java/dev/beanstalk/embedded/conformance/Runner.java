package dev.beanstalk.embedded.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plays one scenario against one server and records what went wrong and what the {@code ?} steps captured. */
final class Runner {

    /** The outcome on one server: broken expectations, and the captures to compare with the other server. */
    record Transcript(List<String> failures, List<String> captures) {
    }

    private static final Pattern OK_LENGTH = Pattern.compile("OK \\d+\r\n---\n");
    private static final Pattern VOLATILE = Pattern.compile(
            "\n(pid|version|rusage-utime|rusage-stime|uptime|id|hostname|os|platform): [^\n]*");
    private static final long QUIET_MILLIS = 400;

    private final Scenario scenario;
    private final Target target;
    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> captures = new ArrayList<>();
    private long mark = System.nanoTime();

    private Runner(Scenario scenario, Target target) {
        this.scenario = scenario;
        this.target = target;
    }

    static Transcript run(Scenario scenario, Target target) {
        Runner runner = new Runner(scenario, target);
        try {
            for (Scenario.Step step : scenario.steps()) {
                runner.play(step);
                runner.mark = System.nanoTime();
            }
        } catch (IOException e) {
            runner.failures.add("I/O error: " + e);
        } finally {
            runner.closeAll();
        }
        return new Transcript(runner.failures, runner.captures);
    }

    private void play(Scenario.Step step) throws IOException {
        switch (step.action()) {
            case "sleep" -> sleep((long) (step.from() * 1000));
            case "restart" -> {
                closeAll();
                target.restart();
            }
            case "kill" -> {
                closeAll();
                target.kill();
            }
            case "drain" -> {
                target.drain();
                sleep(200);
            }
            case ">" -> connection(step.connection()).write(step.bytes());
            case "<" -> expect(step);
            case "?" -> captures.add("line " + step.line() + ": " + mask(normalize(readUntilQuiet(step)), step.text()));
            case "-" -> {
                byte[] got = readFor(connection(step.connection()), (long) (step.to() * 1000));
                if (got.length > 0) {
                    fail(step, "expected nothing, got " + show(got));
                }
            }
            case "~" -> {
                String got = new String(readUntilQuiet(step), StandardCharsets.ISO_8859_1);
                if (!Pattern.compile(step.text()).matcher(got).find()) {
                    fail(step, "expected to find /" + step.text() + "/, got " + got);
                }
            }
            case "ls" -> {
                awaitAnswer();
                captures.add("line " + step.line() + ": " + Binlogs.listing(target.binlog()));
            }
            case "run" -> Launches.run(step.text(), target.binary()).forEach(problem -> fail(step, problem));
            case "eof" -> expectEof(step);
            case "close" -> connections.remove(step.connection()).close();
            case "shutdown" -> connection(step.connection()).shutdownOutput();
            default -> throw new IllegalStateException(step.text());
        }
    }

    /** One command on a connection of its own: once answered, the server has replayed its binlog. */
    private void awaitAnswer() throws IOException {
        try (Connection c = new Connection(target.address())) {
            byte[] want = "USING default\r\n".getBytes(StandardCharsets.US_ASCII);
            c.write("list-tube-used\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] got = new byte[want.length];
            for (int n = 0, r = 0; n < want.length && r >= 0; n += Math.max(r, 0)) {
                r = c.read(got, n, want.length - n, 5000);
                if (r == 0) {
                    throw new IOException("no answer to list-tube-used in 5 s");
                }
            }
        }
    }

    private void expect(Scenario.Step step) throws IOException {
        Connection c = connection(step.connection());
        byte[] want = step.bytes();
        byte[] got = new byte[want.length];
        int n = 0;
        long deadline = mark + (long) (step.to() * 1e9);
        while (n < want.length) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            int r = c.read(got, n, want.length - n, left);
            if (r < 0) {
                break;
            }
            n += r;
        }
        double elapsed = (System.nanoTime() - mark) / 1e9;
        byte[] received = Arrays.copyOf(got, n);
        if (!Arrays.equals(received, want)) {
            fail(step, "expected " + show(want) + ", got " + show(received));
        } else if (elapsed < step.from()) {
            fail(step, String.format("arrived after %.2f s, before %.2f s", elapsed, step.from()));
        }
    }

    private void expectEof(Scenario.Step step) throws IOException {
        Connection c = connection(step.connection());
        byte[] one = new byte[1];
        int r = c.read(one, 0, 1, 3000);
        if (r > 0) {
            fail(step, "expected the server to close, got byte " + one[0]);
        } else if (r == 0) {
            fail(step, "expected the server to close, it kept the connection open");
        }
    }

    private byte[] readUntilQuiet(Scenario.Step step) throws IOException {
        Connection c = connection(step.connection());
        long firstWait = Math.max(QUIET_MILLIS, (long) (step.to() * 1000));
        byte[] first = readFor(c, firstWait, QUIET_MILLIS, true);
        if (first.length == 0) {
            return first;
        }
        long quiet = step.to() > 0 ? Math.min(1000, (long) (step.to() * 1000)) : QUIET_MILLIS;
        byte[] rest = readFor(c, quiet, quiet, false);
        byte[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    private byte[] readFor(Connection c, long millis) throws IOException {
        return readFor(c, millis, QUIET_MILLIS, false);
    }

    /** Reads what arrives until {@code millis} pass without a byte (or, with {@code stopAtFirst}, until some came). */
    private byte[] readFor(Connection c, long millis, long quietMillis, boolean stopAtFirst) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            int r = c.read(buffer, 0, buffer.length, left);
            if (r < 0) {
                out.writeBytes("<EOF>".getBytes(StandardCharsets.US_ASCII));
                break;
            }
            if (r == 0) {
                break;
            }
            out.write(buffer, 0, r);
            deadline = System.nanoTime() + quietMillis * 1_000_000;
            if (stopAtFirst) {
                break;
            }
        }
        return out.toByteArray();
    }

    /** Replaces the values that legitimately differ between servers (pid, version, ...) and the YAML lengths. */
    static String normalize(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        text = OK_LENGTH.matcher(text).replaceAll("OK * \r\n---\n");
        Matcher m = VOLATILE.matcher(text);
        return m.replaceAll("\n$1: *");
    }

    private static String mask(String text, String keys) {
        for (String key : keys.isBlank() ? new String[0] : keys.split(" ")) {
            text = text.replaceAll("\n" + Pattern.quote(key) + ": [^\n]*", "\n" + key + ": *");
        }
        return text;
    }

    private Connection connection(String name) throws IOException {
        Connection c = connections.get(name);
        if (c == null) {
            c = new Connection(target.address());
            connections.put(name, c);
        }
        return c;
    }

    private void closeAll() {
        for (Connection c : connections.values()) {
            try {
                c.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        connections.clear();
    }

    private void fail(Scenario.Step step, String message) {
        failures.add(scenario.file() + ":" + step.line() + " `" + step.text() + "`: " + message);
    }

    static String show(byte[] bytes) {
        StringBuilder s = new StringBuilder("\"");
        for (byte b : bytes) {
            switch (b) {
                case '\r' -> s.append("\\r");
                case '\n' -> s.append("\\n");
                case '"' -> s.append("\\\"");
                default -> {
                    if (b >= 32 && b < 127) {
                        s.append((char) b);
                    } else {
                        s.append(String.format("\\x%02x", b & 0xFF));
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
