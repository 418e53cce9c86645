package dev.beanstalk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.test.TestCertificate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

/** {@code beanstalk.fleet.*} and {@code beanstalk.ssl.*}: the fleet's strategy and TLS from Spring Boot SSL bundles. */
class BeanstalkFleetAutoConfigurationTests {

    private static final String SERVERS = "beanstalk.servers=one:11301,two:11302";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, BeanstalkAutoConfiguration.class));

    @TempDir
    Path directory;

    @Test
    void roundRobinByDefault() {
        runner.withPropertyValues(SERVERS).run(context ->
                assertThat(context.getBean(BeanstalkClient.class).strategy()).hasToString("round-robin"));
    }

    @Test
    void tubeHashWhenAsked() {
        runner.withPropertyValues(SERVERS, "beanstalk.fleet.strategy=tube-hash").run(context ->
                assertThat(context.getBean(BeanstalkClient.class).strategy()).hasToString("tube-hash"));
    }

    @Test
    void anUnknownStrategyFailsStartupNamingTheValue() {
        runner.withPropertyValues(SERVERS, "beanstalk.fleet.strategy=random").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("random"));
    }

    @Test
    void plainTcpWithoutABundle() {
        runner.withPropertyValues(SERVERS).run(context -> {
            BeanstalkClient client = context.getBean(BeanstalkClient.class);
            assertThat(client.options().sslContext(new ServerAddress("one", 11301))).isNull();
            assertThat(client.options().hostnameVerification()).isTrue();
        });
    }

    @Test
    void theBundleSecuresEveryServerAndServerBundlesOverrideIt() {
        TestCertificate certificate = TestCertificate.create(directory, "dns:localhost");
        String pem = "file:" + certificate.certificateFile();
        runner.withPropertyValues(SERVERS, "spring.ssl.bundle.pem.fleet.truststore.certificate=" + pem,
                "spring.ssl.bundle.pem.other.truststore.certificate=" + pem, "beanstalk.ssl.bundle=fleet",
                "beanstalk.ssl.hostname-verification=false")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new MapPropertySource("server-bundles", Map.of("beanstalk.ssl.server-bundles[two:11302]",
                                "other"))))
                .run(context -> {
                    BeanstalkClient client = context.getBean(BeanstalkClient.class);
                    assertThat(client.options().sslContext(new ServerAddress("one", 11301))).isNotNull();
                    assertThat(client.options().sslContext(new ServerAddress("two", 11302))).isNotNull()
                            .isNotSameAs(client.options().sslContext(new ServerAddress("one", 11301)));
                    assertThat(client.options().hostnameVerification()).isFalse();
                });
    }

    @Test
    void anUnknownBundleFailsStartupNamingIt() {
        runner.withPropertyValues(SERVERS, "beanstalk.ssl.bundle=missing").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("missing"));
    }
}
