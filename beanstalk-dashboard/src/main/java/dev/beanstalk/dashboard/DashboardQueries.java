package dev.beanstalk.dashboard;

import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.JobOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** What the dashboard's pages show, read from the server, the sampler, the listener containers and their failures. */
public final class DashboardQueries {

    private final BeanstalkOperations operations;
    private final StatsSampler sampler;
    private final ListenerFailures failures;
    private final Supplier<Collection<BeanstalkListenerContainer>> containers;

    public DashboardQueries(BeanstalkOperations operations, StatsSampler sampler, ListenerFailures failures,
            Supplier<Collection<BeanstalkListenerContainer>> containers) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.containers = Objects.requireNonNull(containers, "containers");
    }

    /** Each server's stats now, read on its own so that one down server shows its error, with the rates. */
    public Overview overview() {
        List<ServerPanel> panels = new ArrayList<>();
        List<ServerAddress> servers = operations.servers();
        for (int i = 0; i < servers.size(); i++) {
            panels.add(panel(servers.get(i), i));
        }
        return new Overview(panels, sampler.interval().toMillis(), StatsSampler.SERVER_SERIES, sampler.serverRates(),
                sampler.lastError());
    }

    private ServerPanel panel(ServerAddress address, int index) {
        try {
            return new ServerPanel(address.toString(), ServerView.of(operations.stats(index)), null);
        } catch (RuntimeException e) {
            return new ServerPanel(address.toString(), null, String.valueOf(e.getMessage()));
        }
    }

    /** Every tube, by name, with its counts and recent puts per second. */
    public List<TubeView> tubes() {
        List<TubeView> tubes = new ArrayList<>();
        for (String name : operations.listTubes()) {
            operations.statsTube(name).ifPresent(stats -> tubes.add(new TubeView(stats, sampler.tubeRates(name))));
        }
        tubes.sort(Comparator.comparing(view -> view.stats().name()));
        return tubes;
    }

    /** The tube with its next ready, delayed and buried job; empty if the tube does not exist. */
    public Optional<TubeDetail> tube(String name) {
        return operations.statsTube(name).map(stats -> new TubeDetail(stats, sampler.tubeRates(name),
                job(operations.peekReady(name)), job(operations.peekDelayed(name)), job(operations.peekBuried(name)),
                listenersOf(name)));
    }

    /** The job with this id, with its stats and body; empty if there is none. */
    public Optional<JobView> job(long id) {
        return Optional.ofNullable(job(operations.peek(id)));
    }

    /** Every listener container of the application, by id. */
    public List<ListenerView> listeners() {
        List<ListenerView> views = new ArrayList<>();
        for (BeanstalkListenerContainer container : containers.get()) {
            views.add(listener(container));
        }
        views.sort(Comparator.comparing(ListenerView::id));
        return views;
    }

    private List<String> listenersOf(String tube) {
        return containers.get().stream().filter(container -> container.getTubes().contains(tube))
                .map(BeanstalkListenerContainer::getId).sorted().toList();
    }

    private ListenerView listener(BeanstalkListenerContainer container) {
        Map<String, Long> handled = new LinkedHashMap<>();
        for (Map.Entry<JobOutcome, Long> entry : container.getHandledCounts().entrySet()) {
            handled.put(entry.getKey().tagValue(), entry.getValue());
        }
        String state = !container.isRunning() ? "stopped" : container.isPaused() ? "paused" : "running";
        return new ListenerView(container.getId(), container.getTubes(), state, container.properties().concurrency(),
                handled, sampler.listenerRates(container.getId()), failures.of(container.getId()));
    }

    private @Nullable JobView job(Optional<Job> job) {
        if (job.isEmpty()) {
            return null;
        }
        Optional<JobStats> stats = operations.statsJob(job.get().id());
        return stats.map(value -> new JobView(value, JobBody.of(job.get().body()))).orElse(null);
    }

    /** The overview page: one panel per server of the fleet, in list order, and the summed rates. */
    public record Overview(List<ServerPanel> servers, long sampleIntervalMillis, List<String> series,
            Sample.Rates rates, @Nullable String samplingError) {
    }

    /** A server's address with its stats, or, when it did not answer, the error instead. */
    public record ServerPanel(String address, @Nullable ServerView stats, @Nullable String error) {
    }

    /** A server's identity, connections and jobs by state. */
    public record ServerView(String version, String hostname, String id, long pid, long uptimeSeconds,
            long currentConnections, long currentProducers, long currentWorkers, long currentWaiting,
            long currentTubes, long ready, long urgent, long reserved, long delayed, long buried, long totalJobs,
            long jobTimeouts, boolean draining, long maxJobSize) {

        static ServerView of(ServerStats stats) {
            return new ServerView(stats.version(), stats.hostname(), stats.id(), stats.pid(),
                    stats.uptime().toSeconds(), stats.currentConnections(), stats.currentProducers(),
                    stats.currentWorkers(), stats.currentWaiting(), stats.currentTubes(), stats.currentJobsReady(),
                    stats.currentJobsUrgent(), stats.currentJobsReserved(), stats.currentJobsDelayed(),
                    stats.currentJobsBuried(), stats.totalJobs(), stats.jobTimeouts(), stats.draining(),
                    stats.maxJobSize());
        }
    }

    /** A tube's counts and its puts and deletes per second over the last samples. */
    public record TubeView(TubeCounts stats, Sample.Rates rates) {

        TubeView(TubeStats stats, Sample.Rates rates) {
            this(TubeCounts.of(stats), rates);
        }
    }

    /** A tube's {@code stats-tube}, times in seconds. */
    public record TubeCounts(String name, long urgent, long ready, long reserved, long delayed, long buried,
            long totalJobs, long using, long watching, long waiting, long deletes, boolean paused, long pauseSeconds,
            long pauseTimeLeftSeconds) {

        static TubeCounts of(TubeStats stats) {
            return new TubeCounts(stats.name(), stats.currentJobsUrgent(), stats.currentJobsReady(),
                    stats.currentJobsReserved(), stats.currentJobsDelayed(), stats.currentJobsBuried(),
                    stats.totalJobs(), stats.currentUsing(), stats.currentWatching(), stats.currentWaiting(),
                    stats.cmdDelete(), stats.isPaused(), stats.pause().toSeconds(), stats.pauseTimeLeft().toSeconds());
        }
    }

    /** A tube's counts, its next job of each state, and the listeners that watch it. */
    public record TubeDetail(TubeCounts stats, Sample.Rates rates, @Nullable JobView ready, @Nullable JobView delayed,
            @Nullable JobView buried, List<String> listeners) {

        TubeDetail(TubeStats stats, Sample.Rates rates, @Nullable JobView ready, @Nullable JobView delayed,
                @Nullable JobView buried, List<String> listeners) {
            this(TubeCounts.of(stats), rates, ready, delayed, buried, listeners);
        }
    }

    /** A job's stats and its body for display. */
    public record JobView(JobFacts stats, JobBody body) {

        JobView(JobStats stats, JobBody body) {
            this(JobFacts.of(stats), body);
        }
    }

    /** A job's {@code stats-job}, its state as the server names it, times in seconds. */
    public record JobFacts(long id, String tube, String state, long priority, long ageSeconds, long delaySeconds,
            long ttrSeconds, long timeLeftSeconds, long reserves, long timeouts, long releases, long buries,
            long kicks) {

        static JobFacts of(JobStats stats) {
            return new JobFacts(stats.id(), stats.tube(), stats.state().wireName(), stats.priority(),
                    stats.age().toSeconds(), stats.delay().toSeconds(), stats.ttr().toSeconds(),
                    stats.timeLeft().toSeconds(), stats.reserves(), stats.timeouts(), stats.releases(),
                    stats.buries(), stats.kicks());
        }
    }

    /** A listener container: its tubes, state, workers, jobs finished by outcome, rate and last failures. */
    public record ListenerView(String id, List<String> tubes, String state, int workers, Map<String, Long> handled,
            Sample.Rates rates, List<ListenerFailures.Failure> failures) {
    }
}
