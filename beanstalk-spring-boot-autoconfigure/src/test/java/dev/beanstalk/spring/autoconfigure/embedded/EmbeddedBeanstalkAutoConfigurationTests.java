package dev.beanstalk.spring.autoconfigure.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.embedded.EmbeddedBeanstalkd;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.autoconfigure.BeanstalkAutoConfiguration;
import dev.beanstalk.spring.autoconfigure.BeanstalkConnectionDetails;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class EmbeddedBeanstalkAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(EmbeddedBeanstalkAutoConfiguration.class, BeanstalkAutoConfiguration.class));

    @Test
    void startsWhenNoServerIsConfiguredAndTheClientConnectsToIt(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasSingleBean(EmbeddedBeanstalkd.class).hasSingleBean(BeanstalkConnectionDetails.class);
            EmbeddedBeanstalkd server = context.getBean(EmbeddedBeanstalkd.class);
            assertThat(server.isRunning()).isTrue();
            ServerAddress address = new ServerAddress("127.0.0.1", server.port());
            assertThat(context.getBean(BeanstalkConnectionDetails.class).getServers()).containsExactly(address);
            assertThat(context.getBean(BeanstalkClient.class).options().servers()).containsExactly(address);
            BeanstalkTemplate template = context.getBean(BeanstalkTemplate.class);
            long id = template.put("embedded", "hello");
            assertThat(template.peek(id).orElseThrow().bodyAsString()).isEqualTo("hello");
            assertThat(output).contains("Embedded beanstalkd listening on 127.0.0.1:" + server.port()
                    + " (for development and tests; production runs beanstalkd)");
        });
    }

    @Test
    void notStartedWhenTheHostIsSet() {
        runner.withPropertyValues("beanstalk.host=queue.example").run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedBeanstalkd.class);
            assertThat(context.getBean(BeanstalkConnectionDetails.class).getServers())
                    .containsExactly(new ServerAddress("queue.example", 11300));
        });
    }

    @Test
    void notStartedWhenTheHostIsSetToItsDefault() {
        runner.withPropertyValues("beanstalk.host=localhost")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedBeanstalkd.class));
    }

    @Test
    void notStartedWhenServersAreSet() {
        runner.withPropertyValues("beanstalk.servers=one:11301,two:11302").run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedBeanstalkd.class);
            assertThat(context.getBean(BeanstalkConnectionDetails.class).getServers())
                    .containsExactly(new ServerAddress("one", 11301), new ServerAddress("two", 11302));
        });
    }

    @Test
    void notStartedWhenServersAreSetByIndex() {
        runner.withPropertyValues("beanstalk.servers[0]=one:11301")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedBeanstalkd.class));
    }

    @Test
    void notStartedWhenDisabled() {
        runner.withPropertyValues("beanstalk.embedded.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedBeanstalkd.class);
            assertThat(context.getBean(BeanstalkConnectionDetails.class).getServers())
                    .containsExactly(new ServerAddress("localhost", 11300));
        });
    }

    @Test
    void startedWhenEnabledEvenWithAHostSet() {
        runner.withPropertyValues("beanstalk.embedded.enabled=true", "beanstalk.host=queue.example",
                "beanstalk.servers=one:11301").run(context -> {
                    EmbeddedBeanstalkd server = context.getBean(EmbeddedBeanstalkd.class);
                    assertThat(context.getBean(BeanstalkClient.class).options().servers())
                            .containsExactly(new ServerAddress("127.0.0.1", server.port()));
                });
    }

    @Test
    void backsOffWithoutBeanstalkEmbedded() {
        runner.withClassLoader(new FilteredClassLoader(EmbeddedBeanstalkd.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedBeanstalkd.class);
            assertThat(context.getBean(BeanstalkConnectionDetails.class).getServers())
                    .containsExactly(new ServerAddress("localhost", 11300));
        });
    }

    @Test
    void backsOffForTheApplicationsConnectionDetails() {
        BeanstalkConnectionDetails mine = () -> List.of(new ServerAddress("elsewhere", 1234));
        runner.withBean(BeanstalkConnectionDetails.class, () -> mine).run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedBeanstalkd.class);
            assertThat(context.getBean(BeanstalkConnectionDetails.class)).isSameAs(mine);
        });
    }

    @Test
    void listensOnTheConfiguredPort() throws IOException {
        int port = freePort();
        runner.withPropertyValues("beanstalk.embedded.port=" + port).run(context -> {
            assertThat(context.getBean(EmbeddedBeanstalkd.class).port()).isEqualTo(port);
            assertThat(context.getBean(BeanstalkClient.class).options().servers())
                    .containsExactly(new ServerAddress("127.0.0.1", port));
        });
    }

    @Test
    void takesTheClientsMaxJobSizeAsItsLimit() {
        runner.withPropertyValues("beanstalk.max-job-size=100000").run(context -> {
            BeanstalkTemplate template = context.getBean(BeanstalkTemplate.class);
            long id = template.put("big", new byte[100_000]);
            assertThat(template.peek(id).orElseThrow().body()).hasSize(100_000);
        });
    }

    @Test
    void stopsWhenTheContextCloses() {
        int[] port = new int[1];
        runner.run(context -> {
            EmbeddedBeanstalkd server = context.getBean(EmbeddedBeanstalkd.class);
            port[0] = server.port();
            context.close();
            assertThat(server.isRunning()).isFalse();
        });
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port[0]), 1000);
            }
        });
    }

    @Test
    void aHandlerInFlightAtShutdownFinishesAgainstTheLiveServer(@TempDir Path binlog) {
        long[] ids = new long[2];
        runner.withUserConfiguration(SlowListenerConfiguration.class)
                .withPropertyValues("beanstalk.embedded.binlog-directory=" + binlog,
                        "beanstalk.listener.shutdown-timeout=10s")
                .run(context -> {
                    SlowListener listener = context.getBean(SlowListener.class);
                    BeanstalkTemplate template = context.getBean(BeanstalkTemplate.class);
                    ids[0] = template.put("slow", "in flight");
                    assertThat(listener.started.await(5, TimeUnit.SECONDS)).as("the handler started").isTrue();
                    ids[1] = template.putWithDelay("slow", "later", Duration.ofHours(1));

                    context.close();

                    assertThat(listener.finished).containsExactly("in flight");
                });
        try (EmbeddedBeanstalkd restarted = EmbeddedBeanstalkd.builder().binlogDirectory(binlog).build().start();
                BeanstalkClient client = BeanstalkClient.create(restarted.host(), restarted.port())) {
            assertThat(client.peek(ids[0])).as("the finished job was deleted before the server stopped").isEmpty();
            assertThat(client.peek(ids[1])).as("the job never reserved survives in the binlog").isPresent();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SlowListenerConfiguration {

        @Bean
        SlowListener slowListener() {
            return new SlowListener();
        }
    }

    static class SlowListener {

        final CountDownLatch started = new CountDownLatch(1);

        final Set<String> finished = ConcurrentHashMap.newKeySet();

        @BeanstalkListener(tube = "slow")
        void handle(String body) throws InterruptedException {
            started.countDown();
            Thread.sleep(1000);
            finished.add(body);
        }
    }
}
