package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Producers putting into one tube of a fleet and one worker per server taking the jobs, each worker reconnecting
 * after its server went away: what was acknowledged, what was handled, and how many calls failed.
 */
final class FleetTraffic implements AutoCloseable {

    private final BeanstalkClient client;
    private final String tube;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final Set<Integer> handledOn = ConcurrentHashMap.newKeySet();
    private final List<AtomicInteger> failed = new ArrayList<>();
    private final List<Thread> producers = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean producing = true;
    private volatile boolean working = true;

    FleetTraffic(BeanstalkClient client, String tube, int producerThreads) {
        this.client = client;
        this.tube = tube;
        for (int p = 0; p < producerThreads; p++) {
            AtomicInteger failures = new AtomicInteger();
            failed.add(failures);
            String name = "p" + p;
            producers.add(new Thread(() -> produce(name, failures), "fleet-producer-" + p));
        }
        for (int s = 0; s < client.servers().size(); s++) {
            int server = s;
            workers.add(new Thread(() -> work(server), "fleet-worker-" + s));
        }
    }

    void start() {
        workers.forEach(Thread::start);
        producers.forEach(Thread::start);
    }

    long acknowledged() {
        return acknowledged.size();
    }

    void awaitAcknowledged(long count) {
        await(() -> acknowledged.size() >= count, Duration.ofSeconds(15), count + " acknowledged puts");
    }

    void stopProducers() throws InterruptedException {
        producing = false;
        for (Thread producer : producers) {
            producer.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    void awaitEveryJobHandled(Duration within) {
        await(() -> handled.containsAll(acknowledged), within, "every acknowledged job handled");
    }

    Set<String> unhandled() {
        Set<String> missing = new HashSet<>(acknowledged);
        missing.removeAll(handled);
        return missing;
    }

    Set<Integer> handledOn() {
        return Set.copyOf(handledOn);
    }

    List<Integer> failedCallsPerProducer() {
        return failed.stream().map(AtomicInteger::get).toList();
    }

    @Override
    public void close() {
        producing = false;
        working = false;
        try {
            for (Thread thread : workers) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void produce(String name, AtomicInteger failures) {
        for (int n = 0; producing; n++) {
            String body = name + "-" + n;
            try {
                client.put(tube, bytes(body));
                acknowledged.add(body);
            } catch (BeanstalkException e) {
                failures.incrementAndGet();
            }
        }
    }

    private void work(int server) {
        BeanstalkConnection connection = null;
        while (working) {
            try {
                if (connection == null) {
                    connection = client.openConnection(server);
                    connection.watch(tube);
                    connection.ignore("default");
                }
                connection.reserve(Duration.ofSeconds(1)).reservedJob().ifPresent(this::handle);
            } catch (BeanstalkConnectionException e) {
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    private void handle(Job job) {
        handled.add(job.bodyAsString());
        handledOn.add(FleetIds.serverIndex(job.id()));
        client.delete(job.id());
    }

    private static void await(BooleanSupplier condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
