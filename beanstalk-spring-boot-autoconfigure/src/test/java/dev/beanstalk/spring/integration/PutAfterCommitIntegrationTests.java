package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.spring.core.JsonJobConverter;
import dev.beanstalk.spring.metrics.MicrometerBeanstalkMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** putAfterCommit inside a real {@code @Transactional} method, with a JDBC transaction manager over H2 in memory. */
@SpringBootTest
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PutAfterCommitIntegrationTests extends RealBeanstalkdTests {

    @Autowired
    Orders orders;

    @Autowired
    BeanstalkTemplate template;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void commitPutsTheJobAfterTheRowIsCommitted() throws Exception {
        CompletableFuture<Long> id = orders.place(1, "committed");

        assertThat(orders.jobsSeenInsideTheTransaction()).isZero();
        assertThat(template.peek(id.get(5, TimeUnit.SECONDS)).orElseThrow().bodyAsString()).isEqualTo("{\"id\":1}");
        assertThat(rows(1)).isOne();
    }

    @Test
    void rollbackPutsNothing() {
        assertThatIllegalStateException().isThrownBy(() -> orders.placeAndFail(2, "rolled-back"));

        assertThat(orders.lastFuture()).isCancelled();
        assertThat(template.statsTube("rolled-back").map(TubeStats::totalJobs).orElse(0L)).isZero();
        assertThat(rows(2)).isZero();
    }

    @Test
    void aPutThatFailsAfterTheCommitIsLoggedAndCountedAndTheCallerReturns(CapturedOutput output) {
        CompletableFuture<Long> id = orders.placeThroughAnUnreachableServer(3, "unreachable");

        assertThat(rows(3)).isOne();
        assertThat(id).isCompletedExceptionally();
        assertThat(output.getOut()).contains("ERROR", "A job for tube 'unreachable' could not be put after its"
                + " transaction committed");
        assertThat(meters.get("beanstalk.put.after-commit.failures").tag("tube", "unreachable").counter().count())
                .isEqualTo(1);
    }

    @Test
    void withoutATransactionTheJobIsPutAtOnce() throws ExecutionException, InterruptedException {
        CompletableFuture<Long> id = template.putAfterCommit("no-transaction", new Order(4));

        assertThat(id).isDone();
        assertThat(template.peek(id.get())).isPresent();
    }

    private int rows(int id) {
        return jdbc.queryForObject("select count(*) from orders where id = ?", Integer.class, id);
    }

    record Order(int id) {
    }

    static class Orders implements AutoCloseable {

        final JdbcTemplate jdbc;
        final BeanstalkOperations beanstalk;
        final BeanstalkClient nowhere;
        final BeanstalkOperations unreachable;
        final AtomicReference<Long> jobsSeenInsideTheTransaction = new AtomicReference<>();
        final AtomicReference<CompletableFuture<Long>> lastFuture = new AtomicReference<>();

        Orders(JdbcTemplate jdbc, BeanstalkOperations beanstalk, BeanstalkClient nowhere,
                MicrometerBeanstalkMetrics metrics) {
            this.jdbc = jdbc;
            this.beanstalk = beanstalk;
            this.nowhere = nowhere;
            this.unreachable = BeanstalkTemplate.builder(nowhere, new JsonJobConverter(JsonMapper.shared()))
                    .metrics(metrics).build();
        }

        @Override
        public void close() {
            nowhere.close();
        }

        /** How many jobs the tube of the last {@link #place} held before its commit; read through the proxy. */
        public long jobsSeenInsideTheTransaction() {
            return jobsSeenInsideTheTransaction.get();
        }

        public CompletableFuture<Long> lastFuture() {
            return lastFuture.get();
        }

        @Transactional
        public CompletableFuture<Long> place(int id, String tube) {
            jdbc.update("insert into orders (id) values (?)", id);
            CompletableFuture<Long> job = beanstalk.putAfterCommit(tube, new Order(id));
            jobsSeenInsideTheTransaction.set(beanstalk.statsTube(tube).map(TubeStats::totalJobs).orElse(0L));
            return job;
        }

        @Transactional
        public void placeAndFail(int id, String tube) {
            jdbc.update("insert into orders (id) values (?)", id);
            lastFuture.set(beanstalk.putAfterCommit(tube, new Order(id)));
            throw new IllegalStateException("payment declined");
        }

        @Transactional
        public CompletableFuture<Long> placeThroughAnUnreachableServer(int id, String tube) {
            jdbc.update("insert into orders (id) values (?)", id);
            return unreachable.putAfterCommit(tube, new Order(id));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableTransactionManagement
    static class Config {

        @Bean
        DataSource dataSource() {
            DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1");
            new JdbcTemplate(dataSource).execute("create table if not exists orders (id int primary key)");
            return dataSource;
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean(destroyMethod = "close")
        Orders orders(JdbcTemplate jdbc, BeanstalkTemplate beanstalk, MeterRegistry meters) throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            BeanstalkClient nowhere = BeanstalkClient.builder().options(ConnectionOptions.builder()
                    .server("127.0.0.1", closedPort).connectTimeout(Duration.ofSeconds(1)).build()).build();
            return new Orders(jdbc, beanstalk, nowhere, new MicrometerBeanstalkMetrics(meters));
        }
    }
}
