package dev.beanstalk.embedded.conformance;

import dev.beanstalk.embedded.EmbeddedBeanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** A server a scenario runs against: the real beanstalkd, the embedded one in this JVM, or the embedded jar's Main. */
interface Target extends AutoCloseable {

    /** Where connections go: 127.0.0.1 and the port, or the UNIX socket. */
    SocketAddress address();

    /** The binary that {@code run} steps start: the real beanstalkd, or the embedded server's launcher. */
    Path binary();

    /** The binlog directory, or {@code null}. */
    Path binlog();

    void restart();

    void kill();

    void drain();

    @Override
    void close();

    /** The real beanstalkd, or the embedded server's {@code Main} run as a process through a wrapper script. */
    static Target process(Path binary, List<String> options, Path binlog) {
        BeanstalkdServer.Builder builder = BeanstalkdServer.builder();
        if (binary != null) {
            builder.binary(binary);
        }
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals("-z")) {
                builder.maxJobSize(Long.parseLong(options.get(++i)));
            } else if (!options.get(i).equals("binlog")) {
                arguments.add(options.get(i));
            }
        }
        if (binlog != null) {
            builder.binlogDirectory(binlog);
        }
        BeanstalkdServer server = builder.arguments(arguments.toArray(String[]::new)).build().start();
        Path command = binary != null ? binary : BeanstalkdServer.locateBinary();
        return new Target() {
            @Override
            public SocketAddress address() {
                return new InetSocketAddress("127.0.0.1", server.port());
            }

            @Override
            public Path binary() {
                return command;
            }

            @Override
            public Path binlog() {
                return binlog;
            }

            @Override
            public void restart() {
                server.restart();
            }

            @Override
            public void kill() {
                server.kill();
                server.start();
            }

            @Override
            public void drain() {
                server.drain();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    /** The embedded server in this JVM; a kill is a stop, since its binlog has no buffer a crash could lose. */
    static Target inProcess(List<String> options, Path binlog, Path launcher) {
        EmbeddedBeanstalkd.Builder builder = EmbeddedBeanstalkd.builder();
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "-z" -> builder.maxJobSize(Long.parseLong(options.get(++i)));
                case "-s" -> builder.binlogFileSize(Long.parseLong(options.get(++i)));
                case "binlog" -> { }
                default -> throw new IllegalArgumentException("an in-process server takes -z and -s: " + options);
            }
        }
        if (binlog != null) {
            builder.binlogDirectory(binlog);
        }
        return new Target() {
            private EmbeddedBeanstalkd server = probed(builder.build().start());

            @Override
            public SocketAddress address() {
                return new InetSocketAddress("127.0.0.1", server.port());
            }

            @Override
            public Path binary() {
                return launcher;
            }

            @Override
            public Path binlog() {
                return binlog;
            }

            /** Starts again on the same port, or on another when a concurrent test's socket took it meanwhile. */
            @Override
            public void restart() {
                int port = server.port();
                server.stop();
                EmbeddedBeanstalkd next;
                try {
                    next = builder.port(port).build().start();
                } catch (UncheckedIOException portTaken) {
                    next = builder.port(0).build().start();
                }
                server = probed(next);
            }

            @Override
            public void kill() {
                restart();
            }

            @Override
            public void drain() {
                server.drain();
            }

            @Override
            public void close() {
                server.stop();
            }
        };
    }

    /**
     * A server on a UNIX socket ({@code -l unix:PATH}), run as a process; a stale socket file is left at the path
     * first, which the server must replace.
     */
    static Target unix(Path binary, List<String> options, Path binlog) {
        Path socket = staleSocket();
        List<String> arguments = new ArrayList<>(List.of("-l", "unix:" + socket));
        for (String option : options) {
            if (!option.equals("binlog") && !option.equals("unix")) {
                arguments.add(option);
            }
        }
        if (binlog != null) {
            arguments.addAll(List.of("-b", binlog.toString()));
        }
        SocketAddress address = UnixDomainSocketAddress.of(socket);
        return new Target() {
            private ServerProcess server = launch();

            private ServerProcess launch() {
                ServerProcess started = ServerProcess.start(binary, arguments);
                if (!started.awaitAccepting(address)) {
                    started.close();
                    throw new IllegalStateException(binary + " does not accept on " + socket + ": "
                            + started.stderr());
                }
                return started;
            }

            @Override
            public SocketAddress address() {
                return address;
            }

            @Override
            public Path binary() {
                return binary;
            }

            @Override
            public Path binlog() {
                return binlog;
            }

            @Override
            public void restart() {
                kill();
            }

            @Override
            public void kill() {
                server.close();
                server = launch();
            }

            @Override
            public void drain() {
                server.signal("USR1");
            }

            @Override
            public void close() {
                server.close();
                try {
                    Files.deleteIfExists(socket);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        };
    }

    /** A path holding a socket file that no server listens on any more. */
    private static Path staleSocket() {
        try {
            Path socket = Files.createTempDirectory("conformance-unix-").resolve("beanstalkd.sock");
            try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                stale.bind(UnixDomainSocketAddress.of(socket));
            }
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects once and hangs up, as {@link BeanstalkdServer} does to learn that the real server listens. */
    private static EmbeddedBeanstalkd probed(EmbeddedBeanstalkd server) {
        try (java.net.Socket probe = new java.net.Socket("127.0.0.1", server.port())) {
            probe.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return server;
    }

    /** A script that runs the embedded server's {@code Main} from the module's classes, with beanstalkd's flags. */
    static Path embeddedLauncher() {
        String classes = System.getProperty("embedded.classes", "target/classes");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Path script = Files.createTempFile("beanstalk-embedded-", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -Xshare:auto -cp '"
                    + classes + "' dev.beanstalk.embedded.Main \"$@\"\n");
            script.toFile().deleteOnExit();
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
