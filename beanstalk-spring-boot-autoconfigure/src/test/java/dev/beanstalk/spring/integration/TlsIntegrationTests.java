package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.spring.autoconfigure.BeanstalkAutoConfiguration;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.test.Stunnel;
import dev.beanstalk.test.TestCertificate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code beanstalk.ssl.bundle} through Debian's stunnel4 in front of a real beanstalkd. */
@Timeout(30)
class TlsIntegrationTests extends RealBeanstalkdTests {

    @TempDir
    Path directory;

    @Test
    void theTemplatePutsThroughStunnelWithAnSslBundle() {
        TestCertificate certificate = TestCertificate.create(directory, "dns:localhost");
        try (Stunnel stunnel = Stunnel.start(server, certificate, directory)) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class,
                            BeanstalkAutoConfiguration.class))
                    .withPropertyValues("beanstalk.servers=localhost:" + stunnel.port(),
                            "spring.ssl.bundle.pem.beanstalkd.truststore.certificate=file:"
                                    + certificate.certificateFile(),
                            "beanstalk.ssl.bundle=beanstalkd")
                    .run(context -> {
                        BeanstalkTemplate template = context.getBean(BeanstalkTemplate.class);
                        long id = template.put("spring-tls", "over tls");
                        assertThat(template.peek(id).orElseThrow().bodyAsString()).isEqualTo("over tls");
                    });
        }
    }
}
