package dev.beanstalk.client;

import dev.beanstalk.client.internal.connection.ProtocolConnection;
import dev.beanstalk.client.internal.protocol.Command;
import dev.beanstalk.client.internal.protocol.Commands;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The commands of a {@link BeanstalkConnection}, pipelined: each call writes its command at once and returns a future
 * that completes, in order, when the reply arrives.
 *
 * <p>Invalid arguments throw at the call, before anything is sent; whatever fails at run time fails the future. A
 * caller waits for room when the connection's {@code maxInFlight} commands are in flight. Futures complete on the
 * thread that reads the reply: a synchronous caller of this connection reading ahead, or a daemon thread named
 * {@code beanstalk-reader-N}; never the deadline sweeper {@code beanstalk-io-deadlines}. Dependent stages that block
 * should use an executor of their own. A failed connection fails every future in flight.
 */
public final class AsyncBeanstalkConnection {

    private final BeanstalkConnection connection;

    AsyncBeanstalkConnection(BeanstalkConnection connection) {
        this.connection = connection;
    }

    /**
     * Sends every command that {@code commands} issues on this view in one write, such as a batch of reserves; their
     * futures complete as usual. Nothing is written until {@code commands} returns, so it must not wait on them, and
     * it should issue fewer than {@code maxInFlight} commands: beyond that a command waits for room until the read
     * timeout and its future fails unsent.
     */
    public void inOneWrite(Runnable commands) {
        connection.protocol().inOneWrite(commands);
    }

    public CompletableFuture<Long> put(byte[] body, JobOptions options) {
        return ids(send(Commands.put(body, options, connection.maxJobSize())), connection.ids()::fleetId);
    }

    public CompletableFuture<String> use(String tube) {
        return send(Commands.use(tube));
    }

    public CompletableFuture<Integer> watch(String tube) {
        return send(Commands.watch(tube)).thenApply(count -> {
            connection.watched(tube, true);
            return count;
        });
    }

    public CompletableFuture<Integer> ignore(String tube) {
        return send(Commands.ignore(tube)).thenApply(count -> {
            connection.watched(tube, false);
            return count;
        });
    }

    public CompletableFuture<Reservation> reserve(Duration timeout) {
        return ids(send(Commands.reserveWithTimeout(timeout)), connection.ids()::reservation);
    }

    public CompletableFuture<Optional<Job>> reserveJob(long id) {
        return ids(send(Commands.reserveJob(serverJobId(id))), connection.ids()::job);
    }

    public CompletableFuture<Boolean> delete(long id) {
        return send(Commands.delete(serverJobId(id)));
    }

    public CompletableFuture<Boolean> release(long id, long priority, Duration delay) {
        return send(Commands.release(serverJobId(id), priority, delay));
    }

    public CompletableFuture<Boolean> bury(long id, long priority) {
        return send(Commands.bury(serverJobId(id), priority));
    }

    public CompletableFuture<Boolean> touch(long id) {
        return send(Commands.touch(serverJobId(id)));
    }

    public CompletableFuture<Optional<Job>> peek(long id) {
        return ids(send(Commands.peek(serverJobId(id))), connection.ids()::job);
    }

    public CompletableFuture<Optional<Job>> peekReady() {
        return ids(send(Commands.peekReady()), connection.ids()::job);
    }

    public CompletableFuture<Optional<Job>> peekDelayed() {
        return ids(send(Commands.peekDelayed()), connection.ids()::job);
    }

    public CompletableFuture<Optional<Job>> peekBuried() {
        return ids(send(Commands.peekBuried()), connection.ids()::job);
    }

    public CompletableFuture<Long> kick(long bound) {
        return send(Commands.kick(bound));
    }

    public CompletableFuture<Boolean> kickJob(long id) {
        return send(Commands.kickJob(serverJobId(id)));
    }

    public CompletableFuture<Optional<JobStats>> statsJob(long id) {
        return ids(send(Commands.statsJob(serverJobId(id))), connection.ids()::stats);
    }

    public CompletableFuture<Optional<TubeStats>> statsTube(String tube) {
        return send(Commands.statsTube(tube));
    }

    public CompletableFuture<ServerStats> stats() {
        return send(Commands.stats());
    }

    public CompletableFuture<List<String>> listTubes() {
        return send(Commands.listTubes());
    }

    public CompletableFuture<String> listTubeUsed() {
        return send(Commands.listTubeUsed());
    }

    public CompletableFuture<List<String>> listTubesWatched() {
        return send(Commands.listTubesWatched());
    }

    public CompletableFuture<Boolean> pauseTube(String tube, Duration pause) {
        return send(Commands.pauseTube(tube, pause));
    }

    private long serverJobId(long id) {
        return connection.ids().serverJobId(id);
    }

    private <T> CompletableFuture<T> ids(CompletableFuture<T> reply, UnaryOperator<T> toFleet) {
        return connection.ids().isIdentity() ? reply : reply.thenApply(toFleet);
    }

    private <T> CompletableFuture<T> send(Command<T> command) {
        ProtocolConnection protocol = connection.protocol();
        return protocol.executeAsync(null, command);
    }
}
