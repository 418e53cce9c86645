package dev.beanstalk.examples.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.FleetIds;
import dev.beanstalk.client.FleetStrategy;
import dev.beanstalk.client.ServerAddress;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/** The examples of docs/fleet-and-tls.md. */
final class FleetExamples {

    private FleetExamples() {
    }

    static void fleet() {
        // tag::fleet[]
        ConnectionOptions options = ConnectionOptions.builder()
                .servers(List.of(ServerAddress.parse("queue1:11300"), ServerAddress.parse("queue2:11300"),
                        ServerAddress.parse("queue3:11300")))
                .build();
        try (BeanstalkClient client = BeanstalkClient.builder().options(options)
                .strategy(FleetStrategy.tubeHash())          // default: FleetStrategy.roundRobin()
                .build()) {
            long id = client.put("emails", "{\"to\":\"a@example.com\"}".getBytes(UTF_8));
            client.statsJob(id);                            // asks the server that holds the job
            client.statsTube("emails");                     // summed over the servers
            client.statsTubeByServer("emails");             // each server's own
        }
        // end::fleet[]
    }

    static void ids(long id) {
        // tag::ids[]
        int server = FleetIds.serverIndex(id);              // index in the server list
        long serverJobId = FleetIds.serverJobId(id);        // the id beanstalkd and PHP tools know
        long sameId = FleetIds.of(server, serverJobId);
        // end::ids[]
    }

    static void workers(BeanstalkClient client) {
        // tag::workers[]
        for (int server = 0; server < client.servers().size(); server++) {
            BeanstalkConnection worker = client.openConnection(server);   // one worker (or more) per server
            worker.watch("emails");
        }
        // end::workers[]
    }

    static void tls(SSLContext context, SSLContext otherContext) {
        // tag::tls[]
        ServerAddress second = ServerAddress.parse("queue2:11301");
        ConnectionOptions options = ConnectionOptions.builder()
                .servers(List.of(ServerAddress.parse("queue1:11301"), second))
                .sslContext(context)                        // every server, unless it has its own
                .sslContext(second, otherContext)           // this one
                .connectTimeout(Duration.ofSeconds(5))      // bounds the TLS handshake too
                .build();
        // end::tls[]
    }
}
