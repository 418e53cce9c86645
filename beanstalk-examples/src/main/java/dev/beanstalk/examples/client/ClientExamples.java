package dev.beanstalk.examples.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.Reservation;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.client.TubeStats;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The client examples of the README and docs/client.md. */
final class ClientExamples {

    private volatile boolean running = true;

    private ClientExamples() {
    }

    static void produce() {
        // tag::produce[]
        try (BeanstalkClient client = BeanstalkClient.create("127.0.0.1", 11300)) {
            long id = client.put("userReg", "{\"id\":1,\"name\":\"test\"}".getBytes(UTF_8));
        }
        // end::produce[]
    }

    static void consume() {
        // tag::consume[]
        try (BeanstalkConnection connection = BeanstalkConnection.open("127.0.0.1", 11300)) {
            connection.watch("userReg");
            connection.ignore("default");
            Job job = connection.reserve().reservedJob().orElseThrow();
            System.out.println(job.bodyAsString());
            connection.delete(job.id());
        }
        // end::consume[]
    }

    static void client() {
        // tag::client[]
        try (BeanstalkClient client = BeanstalkClient.create("localhost", 11300)) {
            long id = client.put("userReg", "{\"id\":1,\"name\":\"test\"}".getBytes(UTF_8),
                    JobOptions.builder().priority(100).delay(Duration.ofSeconds(5)).ttr(Duration.ofSeconds(30)).build());
            Optional<TubeStats> stats = client.statsTube("userReg");
            client.kick("userReg", 10);
        }
        // end::client[]
    }

    void worker() {
        // tag::worker[]
        try (BeanstalkConnection worker = BeanstalkConnection.open("localhost", 11300)) {
            worker.watch("userReg");
            worker.ignore("default");
            while (running) {
                Reservation reservation = worker.reserve(Duration.ofSeconds(5));
                if (reservation instanceof Reservation.Reserved reserved) {
                    Job job = reserved.job();
                    try {
                        handle(job.body());
                        worker.delete(job.id());
                    } catch (Exception e) {
                        worker.bury(job.id(), JobOptions.DEFAULT_PRIORITY);
                    }
                } else if (reservation instanceof Reservation.DeadlineSoon) {
                    // a job this connection holds is within a second of its TTR: touch, finish or release it
                }
            }
        }
        // end::worker[]
    }

    static void options() {
        // tag::options[]
        ConnectionOptions options = ConnectionOptions.builder()
                .servers(List.of(ServerAddress.parse("queue1:11300"), ServerAddress.parse("queue2:11300"))) // a fleet
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .maxJobSize(65_535)              // match the server's -z
                .reconnectDelay(Duration.ofMillis(100))
                .maxReconnectDelay(Duration.ofSeconds(10))
                .maxInFlight(4096)               // commands queued or awaiting replies per connection
                .build();
        BeanstalkClient client = BeanstalkClient.builder().options(options).poolSize(8).build();
        BeanstalkConnection worker = client.openConnection();
        // end::options[]
        worker.close();
        client.close();
    }

    private void handle(byte[] body) throws Exception {
        if (body.length == 0) {
            throw new Exception("empty job");
        }
        running = false;
    }
}
