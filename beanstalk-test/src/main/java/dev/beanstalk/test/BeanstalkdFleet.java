package dev.beanstalk.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Several beanstalkd processes, each with a binlog in a temporary directory of its own, for tests of a fleet; a test
 * class starts one in {@code @BeforeAll} and closes it in {@code @AfterAll}, which kills them and deletes the binlogs.
 */
public final class BeanstalkdFleet implements AutoCloseable {

    private final List<BeanstalkdServer> servers = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();

    private BeanstalkdFleet(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a fleet needs at least one server, was " + size);
        }
        try {
            for (int i = 0; i < size; i++) {
                Path binlog = Files.createTempDirectory("beanstalkd-fleet-" + i + "-");
                directories.add(binlog);
                servers.add(BeanstalkdServer.builder().binlogDirectory(binlog).build().start());
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Starts {@code size} beanstalkd processes on free loopback ports. */
    public static BeanstalkdFleet start(int size) {
        return new BeanstalkdFleet(size);
    }

    public List<BeanstalkdServer> servers() {
        return List.copyOf(servers);
    }

    public BeanstalkdServer server(int index) {
        return servers.get(index);
    }

    /** The servers as {@code host:port}, comma-separated, as {@code beanstalk.servers} takes them. */
    public String addresses() {
        return servers.stream().map(s -> s.host() + ":" + s.port()).collect(Collectors.joining(","));
    }

    /** Starts again every server that was stopped or killed, on its port, with its binlog. */
    public void startAll() {
        servers.forEach(BeanstalkdServer::start);
    }

    @Override
    public void close() {
        servers.forEach(BeanstalkdServer::kill);
        for (Path directory : directories) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind
            }
        }
    }

    @Override
    public String toString() {
        return "beanstalkd fleet at " + addresses();
    }
}
