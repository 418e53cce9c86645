package dev.beanstalk.spring.core;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.JobState;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.client.ServerStats;
import dev.beanstalk.client.TubeMaintenance;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.spring.metrics.BeanstalkMetrics;
import dev.beanstalk.spring.observation.BeanstalkPutContext;
import dev.beanstalk.spring.observation.BeanstalkTemplateObservationConvention;
import dev.beanstalk.spring.observation.DefaultBeanstalkTemplateObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.util.ClassUtils;

/**
 * The default {@link BeanstalkOperations}, over a shared {@link BeanstalkClient}; thread-safe.
 *
 * <p>Puts use the template's default tube and {@link JobOptions} unless told otherwise, are timed by its
 * {@link BeanstalkMetrics}, and, given an {@link ObservationRegistry}, observed as {@code beanstalk.template}.
 */
public final class BeanstalkTemplate implements BeanstalkOperations {

    private static final boolean TRANSACTIONS_PRESENT = ClassUtils.isPresent(
            "org.springframework.transaction.support.TransactionSynchronizationManager",
            BeanstalkTemplate.class.getClassLoader());

    private static final Log log = LogFactory.getLog(BeanstalkTemplate.class);

    private final BeanstalkClient client;
    private final List<String> serverTags;
    private final JobConverter converter;
    private final String defaultTube;
    private final JobOptions defaultOptions;
    private final BeanstalkMetrics metrics;
    private final ObservationRegistry observationRegistry;
    private final @Nullable BeanstalkTemplateObservationConvention observationConvention;
    private final Clock clock;

    private BeanstalkTemplate(Builder builder) {
        this.client = Objects.requireNonNull(builder.client, "client");
        this.serverTags = client.servers().stream().map(ServerAddress::toString).toList();
        this.converter = Objects.requireNonNull(builder.converter, "converter");
        this.defaultTube = Objects.requireNonNull(builder.defaultTube, "defaultTube");
        this.defaultOptions = Objects.requireNonNull(builder.defaultOptions, "defaultOptions");
        this.metrics = Objects.requireNonNull(builder.metrics, "metrics");
        this.observationRegistry = Objects.requireNonNull(builder.observationRegistry, "observationRegistry");
        this.observationConvention = builder.observationConvention;
        this.clock = Objects.requireNonNull(builder.clock, "clock");
    }

    public static Builder builder(BeanstalkClient client, JobConverter converter) {
        return new Builder(client, converter);
    }

    /** The client this template sends through. */
    public BeanstalkClient client() {
        return client;
    }

    public JobConverter converter() {
        return converter;
    }

    @Override
    public long put(Object payload) {
        return put(defaultTube, payload, defaultOptions);
    }

    @Override
    public long put(String tube, Object payload) {
        return put(tube, payload, defaultOptions);
    }

    @Override
    public long put(String tube, Object payload, JobOptions options) {
        Objects.requireNonNull(options, "options");
        byte[] body = body(tube, payload);
        long start = System.nanoTime();
        boolean success = false;
        String server = BeanstalkMetrics.UNKNOWN_SERVER;
        BeanstalkPutContext context = new BeanstalkPutContext(tube);
        Observation observation = Observation.createNotStarted(observationConvention,
                DefaultBeanstalkTemplateObservationConvention.INSTANCE, () -> context, observationRegistry).start();
        Observation.Scope scope = observation.openScope();
        try {
            long id = client.put(tube, body, options);
            context.setJobId(id);
            server = serverTags.get(client.serverIndexOf(id));
            success = true;
            return id;
        } catch (RuntimeException e) {
            observation.error(e);
            throw e;
        } finally {
            scope.close();
            observation.stop();
            metrics.put(tube, server, System.nanoTime() - start, success);
        }
    }

    @Override
    public long putWithDelay(String tube, Object payload, Duration delay) {
        return put(tube, payload, defaultOptions.withDelay(delay));
    }

    @Override
    public long putAt(String tube, Object payload, Instant time) {
        Duration delay = Duration.between(clock.instant(), Objects.requireNonNull(time, "time"));
        return putWithDelay(tube, payload, delay.isNegative() ? Duration.ZERO : delay);
    }

    @Override
    public CompletableFuture<Long> putAfterCommit(String tube, Object payload, JobOptions options) {
        byte[] body = body(tube, payload);
        if (TRANSACTIONS_PRESENT && AfterCommit.isActive()) {
            CompletableFuture<Long> id = new CompletableFuture<>();
            AfterCommit.register(() -> id.complete(put(tube, body, options)), failure -> {
                log.error("A job for tube '" + tube + "' could not be put after its transaction committed; it is lost"
                        + " unless the caller handles the failed future", failure);
                metrics.putAfterCommitFailed(tube);
                id.completeExceptionally(failure);
            }, () -> id.cancel(false));
            return id;
        }
        return CompletableFuture.completedFuture(put(tube, body, options));
    }

    @Override
    public CompletableFuture<Long> putAfterCommit(String tube, Object payload) {
        return putAfterCommit(tube, payload, defaultOptions);
    }

    @Override
    public BeanstalkTemplate withConverter(JobConverter converter) {
        return builder(client, converter).defaultTube(defaultTube).defaultOptions(defaultOptions).metrics(metrics)
                .clock(clock).build();
    }

    @Override
    public JobOptions defaultOptions() {
        return defaultOptions;
    }

    @Override
    public String defaultTube() {
        return defaultTube;
    }

    @Override
    public <T> @Nullable T convert(Job job, Class<T> type) {
        return type.cast(converter.fromBody(job.body(), type));
    }

    @Override
    public ServerStats stats() {
        return client.stats();
    }

    @Override
    public List<ServerAddress> servers() {
        return client.servers();
    }

    @Override
    public ServerStats stats(int server) {
        return client.stats(server);
    }

    @Override
    public List<String> listTubes() {
        return client.listTubes();
    }

    @Override
    public Optional<TubeStats> statsTube(String tube) {
        return client.statsTube(tube);
    }

    @Override
    public Optional<JobStats> statsJob(long id) {
        return client.statsJob(id);
    }

    @Override
    public Optional<Job> peek(long id) {
        return client.peek(id);
    }

    @Override
    public Optional<Job> peekReady(String tube) {
        return client.peekReady(tube);
    }

    @Override
    public Optional<Job> peekDelayed(String tube) {
        return client.peekDelayed(tube);
    }

    @Override
    public Optional<Job> peekBuried(String tube) {
        return client.peekBuried(tube);
    }

    @Override
    public long kick(String tube, long bound) {
        return client.kick(tube, bound);
    }

    @Override
    public boolean kickJob(long id) {
        return client.kickJob(id);
    }

    @Override
    public boolean delete(long id) {
        return client.delete(id);
    }

    @Override
    public boolean pauseTube(String tube, Duration pause) {
        return client.pauseTube(tube, pause);
    }

    @Override
    public boolean resumeTube(String tube) {
        return client.resumeTube(tube);
    }

    @Override
    public long clearTube(String tube, JobState state) {
        return new TubeMaintenance(client).clear(tube, state);
    }

    @Override
    public long moveBuried(String from, String to) {
        return new TubeMaintenance(client).moveBuried(from, to);
    }

    @Override
    public String toString() {
        return "BeanstalkTemplate[" + client + ", tube " + defaultTube + ", " + defaultOptions + "]";
    }

    private byte[] body(String tube, Object payload) {
        Objects.requireNonNull(tube, "tube");
        byte[] body = converter.toBody(Objects.requireNonNull(payload, "payload"));
        int limit = client.options().maxJobSize();
        if (body.length > limit) {
            throw new IllegalArgumentException("The job for tube '" + tube + "' is " + body.length
                    + " bytes, more than the maximum job size of " + limit + " bytes (beanstalk.max-job-size must"
                    + " match the server's -z)");
        }
        return body;
    }

    /** Builds a {@link BeanstalkTemplate}. */
    public static final class Builder {

        private final BeanstalkClient client;
        private final JobConverter converter;
        private String defaultTube = "default";
        private JobOptions defaultOptions = JobOptions.DEFAULT;
        private BeanstalkMetrics metrics = BeanstalkMetrics.NONE;
        private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
        private @Nullable BeanstalkTemplateObservationConvention observationConvention;
        private Clock clock = Clock.systemUTC();

        private Builder(BeanstalkClient client, JobConverter converter) {
            this.client = client;
            this.converter = converter;
        }

        public Builder defaultTube(String defaultTube) {
            this.defaultTube = defaultTube;
            return this;
        }

        public Builder defaultOptions(JobOptions defaultOptions) {
            this.defaultOptions = defaultOptions;
            return this;
        }

        public Builder metrics(BeanstalkMetrics metrics) {
            this.metrics = metrics;
            return this;
        }

        /**
         * Observes every put as {@code beanstalk.template} in this registry; the default
         * {@link ObservationRegistry#NOOP} observes nothing.
         */
        public Builder observationRegistry(ObservationRegistry observationRegistry) {
            this.observationRegistry = observationRegistry;
            return this;
        }

        /** Replaces the default convention of the {@code beanstalk.template} observation; null restores it. */
        public Builder observationConvention(@Nullable BeanstalkTemplateObservationConvention observationConvention) {
            this.observationConvention = observationConvention;
            return this;
        }

        /** The clock {@link BeanstalkTemplate#putAt} measures delays with. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public BeanstalkTemplate build() {
            return new BeanstalkTemplate(this);
        }
    }
}
