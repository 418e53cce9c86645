package dev.beanstalk.client;

import dev.beanstalk.test.BeanstalkdServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.TestInfo;

/** Opens connections to a test server and closes them all at the end of a test; names a test's own tube. */
final class Connections implements AutoCloseable {

    private final BeanstalkdServer server;
    private final List<Runnable> closers = new ArrayList<>();

    Connections(BeanstalkdServer server) {
        this.server = server;
    }

    ConnectionOptions.Builder options() {
        return ConnectionOptions.builder().server(server.host(), server.port());
    }

    BeanstalkConnection open() {
        BeanstalkConnection connection = BeanstalkConnection.open(options().build());
        closers.add(connection::close);
        return connection;
    }

    /** A connection that puts into and reserves from {@code tube} only. */
    BeanstalkConnection worker(String tube) {
        BeanstalkConnection connection = open();
        connection.use(tube);
        connection.watch(tube);
        if (!tube.equals("default")) {
            connection.ignore("default");
        }
        return connection;
    }

    BeanstalkClient client() {
        BeanstalkClient client = BeanstalkClient.create(options().build());
        closers.add(client::close);
        return client;
    }

    @Override
    public void close() {
        closers.forEach(Runnable::run);
    }

    /** A tube named after the running test method, so that tests sharing a server do not see each other's jobs. */
    static String tube(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
