package dev.beanstalk.client.internal.fleet;

import dev.beanstalk.client.FleetIds;
import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.Reservation;
import java.util.Optional;

/**
 * The ids of one server of a fleet: its own ids turned into fleet ids and back ({@link FleetIds}); the identity for
 * a client of one server, and for server 0.
 */
public final class ServerIds {

    /** The ids of a client of one server: exactly the server's own. */
    public static final ServerIds ONLY = new ServerIds(0, 1);

    private final int index;
    private final int fleetSize;
    private final boolean identity;

    public ServerIds(int index, int fleetSize) {
        if (fleetSize > FleetIds.MAX_SERVERS) {
            throw new IllegalArgumentException("a fleet has at most " + FleetIds.MAX_SERVERS + " servers, was "
                    + fleetSize);
        }
        this.index = index;
        this.fleetSize = fleetSize;
        this.identity = fleetSize == 1 || index == 0;
    }

    public int index() {
        return index;
    }

    public boolean isIdentity() {
        return identity;
    }

    /** The fleet id of this server's job {@code serverJobId}. */
    public long fleetId(long serverJobId) {
        return identity ? serverJobId : FleetIds.of(index, serverJobId);
    }

    /**
     * This server's id of the job with fleet id {@code id}.
     *
     * @throws IllegalArgumentException when the id names another server
     */
    public long serverJobId(long id) {
        if (fleetSize == 1) {
            return id;
        }
        if (FleetIds.serverIndex(id) != index) {
            throw new IllegalArgumentException("job id " + Long.toUnsignedString(id) + " belongs to server "
                    + FleetIds.serverIndex(id) + " of the fleet, not to server " + index + " of this connection");
        }
        return FleetIds.serverJobId(id);
    }

    public Job job(Job job) {
        return identity ? job : new Job(fleetId(job.id()), job.body());
    }

    public Optional<Job> job(Optional<Job> job) {
        return identity ? job : job.map(this::job);
    }

    public Reservation reservation(Reservation reservation) {
        return identity || !(reservation instanceof Reservation.Reserved reserved) ? reservation
                : new Reservation.Reserved(job(reserved.job()));
    }

    public Optional<JobStats> stats(Optional<JobStats> stats) {
        return identity ? stats : stats.map(s -> new JobStats(fleetId(s.id()), s.tube(), s.state(), s.priority(),
                s.age(), s.delay(), s.ttr(), s.timeLeft(), s.file(), s.reserves(), s.timeouts(), s.releases(),
                s.buries(), s.kicks()));
    }
}
