package dev.beanstalk.embedded.conformance;

import dev.beanstalk.embedded.EmbeddedBeanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** A server a scenario runs against: the real beanstalkd, the embedded one in this JVM, or the embedded jar's Main. */
interface Target extends AutoCloseable {

    int port();

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
        return new Target() {
            @Override
            public int port() {
                return server.port();
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
    static Target inProcess(List<String> options, Path binlog) {
        EmbeddedBeanstalkd.Builder builder = EmbeddedBeanstalkd.builder();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals("-z")) {
                builder.maxJobSize(Long.parseLong(options.get(++i)));
            }
        }
        if (binlog != null) {
            builder.binlogDirectory(binlog);
        }
        return new Target() {
            private EmbeddedBeanstalkd server = probed(builder.build().start());

            @Override
            public int port() {
                return server.port();
            }

            @Override
            public void restart() {
                int port = server.port();
                server.stop();
                server = probed(builder.port(port).build().start());
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
