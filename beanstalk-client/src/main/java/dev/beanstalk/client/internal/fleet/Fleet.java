package dev.beanstalk.client.internal.fleet;

import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.BeanstalkException;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.DrainingException;
import dev.beanstalk.client.FleetIds;
import dev.beanstalk.client.FleetStrategy;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.client.internal.protocol.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntPredicate;

/**
 * The servers behind one client, one {@link Member} each. A put goes where the strategy says among the servers in
 * rotation, and is tried once more on another when it fails with a connection error or {@code DRAINING}; with one
 * server it goes straight to that server's pool.
 */
public final class Fleet implements AutoCloseable {

    private final List<ServerAddress> servers;
    private final Member[] members;
    private final FleetStrategy strategy;
    private final IntPredicate eligible;

    public Fleet(ConnectionOptions options, int poolSize, FleetStrategy strategy) {
        this.servers = options.servers();
        this.members = new Member[servers.size()];
        for (int i = 0; i < members.length; i++) {
            members[i] = new Member(i, options, poolSize, members.length);
        }
        this.strategy = strategy;
        this.eligible = i -> members[i].admits();
    }

    public int size() {
        return members.length;
    }

    public Member member(int index) {
        return members[index];
    }

    public List<ServerAddress> servers() {
        return servers;
    }

    public FleetStrategy strategy() {
        return strategy;
    }

    /** Puts into {@code tube} and returns the fleet id. */
    public long put(String tube, Command<Long> put) {
        if (members.length == 1) {
            return members[0].pool().acquire().execute(tube, put);
        }
        int first = choose(tube, -1);
        try {
            return members[first].ids().fleetId(members[first].execute(tube, put));
        } catch (BeanstalkConnectionException | DrainingException e) {
            Member second = members[retry(tube, first, e)];
            try {
                return second.ids().fleetId(second.execute(tube, put));
            } catch (BeanstalkException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
    }

    /** Puts into {@code tube} without waiting, tried once more elsewhere in the same way as {@link #put}. */
    public CompletableFuture<Long> putAsync(String tube, Command<Long> put) {
        if (members.length == 1) {
            return async(0, tube, put);
        }
        int first;
        try {
            first = choose(tube, -1);
        } catch (BeanstalkException e) {
            return CompletableFuture.failedFuture(e);
        }
        return async(first, tube, put).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (!(cause instanceof BeanstalkConnectionException || cause instanceof DrainingException)) {
                return CompletableFuture.failedFuture(cause);
            }
            try {
                return async(retry(tube, first, (BeanstalkException) cause), tube, put);
            } catch (BeanstalkException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /** The server for a batch of puts into {@code tube}. */
    public int serverFor(String tube) {
        return members.length == 1 ? 0 : choose(tube, -1);
    }

    /** The member holding the job with this fleet id. */
    public Member holder(long id) {
        if (members.length == 1) {
            return members[0];
        }
        int index = FleetIds.serverIndex(id);
        if (index >= members.length) {
            throw new IllegalArgumentException("job id " + Long.toUnsignedString(id) + " names server " + index
                    + ", but the fleet has " + members.length + " servers " + servers);
        }
        return members[index];
    }

    /** This server's own id for fleet id {@code id}. */
    public long serverJobId(Member holder, long id) {
        return holder.ids().serverJobId(id);
    }

    /** Runs {@code command} on every server in order, and returns their replies; throws the first failure. */
    public <T> List<T> onEvery(String tube, Command<T> command) {
        List<T> replies = new ArrayList<>(members.length);
        for (Member member : members) {
            replies.add(member.execute(tube, command));
        }
        return replies;
    }

    @Override
    public void close() {
        for (Member member : members) {
            member.pool().close();
        }
    }

    private CompletableFuture<Long> async(int index, String tube, Command<Long> put) {
        Member member = members[index];
        CompletableFuture<Long> sent;
        try {
            sent = member.pool().acquire().executeAsync(tube, put);
        } catch (BeanstalkException e) {
            if (members.length > 1) {
                member.opened(e);
            }
            return CompletableFuture.failedFuture(e);
        }
        if (members.length == 1) {
            return sent;
        }
        return sent.handle((id, failure) -> member.observe(() -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause != null) {
                throw cause instanceof BeanstalkException b ? b : new CompletionException(cause);
            }
            return member.ids().fleetId(id);
        }));
    }

    private int retry(String tube, int failed, BeanstalkException failure) {
        int second = strategy.choose(tube, servers, i -> i != failed && members[i].admits());
        if (second < 0) {
            BeanstalkConnectionException none = allDown();
            none.addSuppressed(failure);
            throw none;
        }
        return second;
    }

    private int choose(String tube, int excluded) {
        int chosen = strategy.choose(tube, servers, excluded < 0 ? eligible : i -> i != excluded && eligible.test(i));
        if (chosen < 0) {
            throw allDown();
        }
        return chosen;
    }

    private BeanstalkConnectionException allDown() {
        StringBuilder message = new StringBuilder("no server of the fleet is in rotation:");
        for (Member member : members) {
            BeanstalkException last = member.lastFailure();
            message.append(' ').append(member.server()).append(" (")
                    .append(last == null ? "probe in progress" : last.getMessage()).append(')');
        }
        return new BeanstalkConnectionException(message.toString());
    }
}
