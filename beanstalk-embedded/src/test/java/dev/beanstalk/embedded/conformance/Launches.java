package dev.beanstalk.embedded.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code run} step: starts the target's binary with flags and checks how it ends or serves.
 *
 * <pre>
 * run -s 601 =&gt; serves           it accepts connections (on -l 127.0.0.1 -p FREE, unless -l/-p are given)
 * run -p 70000 =&gt; serves 4464    ... on that port
 * run -s abc =&gt; exit 5           it exits with that status
 * run =&gt; USR1 serves             SIGUSR1 the moment it accepts: it lives on and soon answers put with DRAINING
 * run =&gt; TERM exit 143           SIGTERM the moment it accepts: it ends with that status
 * </pre>
 *
 * In the flags, {@code $DIR} is a new empty directory and {@code $MISSING} a path that does not exist. A stack trace
 * on stderr is always a failure.
 */
final class Launches {

    private Launches() {
    }

    static List<String> run(String spec, Path binary) {
        String[] sides = spec.split("=>", 2);
        List<String> flags = new ArrayList<>();
        for (String flag : sides[0].trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                flags.add(substitute(flag));
            }
        }
        List<String> expect = Arrays.asList(sides[1].trim().split("\\s+"));
        int port = 0;
        if (!flags.contains("-p") && !flags.contains("-l")) {
            port = freePort();
            flags.addAll(List.of("-l", "127.0.0.1", "-p", Integer.toString(port)));
        }
        List<String> problems = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(binary, flags)) {
            check(server, expect, port, problems);
            if (server.stderr().contains("Exception") || server.stderr().contains("\tat ")) {
                problems.add("a stack trace on stderr: " + server.stderr());
            }
        }
        return problems;
    }

    private static void check(ServerProcess server, List<String> expect, int port, List<String> problems) {
        String first = expect.get(0);
        if (first.equals("exit")) {
            expectExit(server, Integer.parseInt(expect.get(1)), problems);
            return;
        }
        boolean signalled = first.equals("USR1") || first.equals("TERM");
        List<String> rest = signalled ? expect.subList(1, expect.size()) : expect;
        int at = rest.size() > 1 && rest.get(0).equals("serves") ? Integer.parseInt(rest.get(1)) : port;
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", at);
        if (!server.awaitAccepting(address)) {
            problems.add("it did not accept on port " + at + ": exit " + server.awaitExit() + ", " + server.stderr());
            return;
        }
        if (signalled) {
            server.signal(first);
        }
        if (rest.get(0).equals("exit")) {
            expectExit(server, Integer.parseInt(rest.get(1)), problems);
        } else if (first.equals("USR1")) {
            expectDraining(server, address, problems);
        }
    }

    private static void expectExit(ServerProcess server, int status, List<String> problems) {
        int got = server.awaitExit();
        if (got != status) {
            problems.add("expected exit status " + status + ", got " + (got < 0 ? "still running" : got) + ": "
                    + server.stderr());
        }
    }

    /**
     * Drain mode must come: a JVM runs a signal handler on a thread of its own, so a put sent the moment after the
     * signal may still be inserted, as it may on beanstalkd when the signal is delivered late.
     */
    private static void expectDraining(ServerProcess server, InetSocketAddress address, List<String> problems) {
        byte[] reply = new byte[64];
        String got = "nothing";
        long deadline = System.nanoTime() + 5_000_000_000L;
        try (Connection c = new Connection(address)) {
            while (!got.equals("DRAINING\r\n") && System.nanoTime() < deadline) {
                c.write("put 0 0 10 1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
                int n = c.read(reply, 0, reply.length, 5000);
                got = n > 0 ? new String(reply, 0, n, StandardCharsets.US_ASCII) : "nothing";
                if (!got.startsWith("INSERTED ")) {
                    break;
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            problems.add("it did not survive SIGUSR1: " + e + ", alive " + server.isAlive() + ", " + server.stderr());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!got.equals("DRAINING\r\n")) {
            problems.add("expected DRAINING after SIGUSR1, got " + got);
        }
    }

    private static String substitute(String flag) {
        try {
            return switch (flag) {
                case "$DIR" -> Files.createTempDirectory("conformance-run-").toString();
                case "$MISSING" -> Files.createTempDirectory("conformance-run-").resolve("missing").toString();
                default -> flag;
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
