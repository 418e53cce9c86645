package dev.beanstalk.spring.autoconfigure.embedded;

import dev.beanstalk.embedded.EmbeddedBeanstalkd;
import dev.beanstalk.spring.autoconfigure.BeanstalkAutoConfiguration;
import dev.beanstalk.spring.autoconfigure.BeanstalkConnectionDetails;
import dev.beanstalk.spring.autoconfigure.BeanstalkProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Auto-configuration of the embedded beanstalkd: when {@code beanstalk-embedded} is on the classpath and the
 * application names no server, it starts one in-process and connects the client to it.
 *
 * <p>The server starts before anything connects and stops when the application context is closed, after the listener
 * containers have stopped and the client has closed. {@code beanstalk.embedded.enabled=true} starts it even when
 * {@code beanstalk.host} or {@code beanstalk.servers} is set; {@code false} never starts it. An application's own
 * {@link BeanstalkConnectionDetails}, such as a Testcontainers service connection, turns it off.
 */
@AutoConfiguration(before = BeanstalkAutoConfiguration.class)
@ConditionalOnClass(EmbeddedBeanstalkd.class)
@ConditionalOnMissingBean(BeanstalkConnectionDetails.class)
@Conditional(OnEmbeddedBeanstalkdCondition.class)
@EnableConfigurationProperties(BeanstalkProperties.class)
public final class EmbeddedBeanstalkAutoConfiguration {

    private static final Log log = LogFactory.getLog(EmbeddedBeanstalkAutoConfiguration.class);

    @Bean(destroyMethod = "stop")
    @ConditionalOnMissingBean
    EmbeddedBeanstalkd embeddedBeanstalkd(BeanstalkProperties properties) {
        BeanstalkProperties.Embedded embedded = properties.getEmbedded();
        EmbeddedBeanstalkd.Builder builder = EmbeddedBeanstalkd.builder()
                .port(embedded.getPort())
                .maxJobSize(properties.getMaxJobSize());
        if (embedded.getBinlogDirectory() != null) {
            builder.binlogDirectory(embedded.getBinlogDirectory());
        }
        EmbeddedBeanstalkd server = builder.build().start();
        log.info("Embedded beanstalkd listening on " + server.host() + ":" + server.port()
                + " (for development and tests; production runs beanstalkd)");
        return server;
    }

    @Bean
    BeanstalkConnectionDetails embeddedBeanstalkConnectionDetails(EmbeddedBeanstalkd server) {
        return new EmbeddedBeanstalkConnectionDetails(server);
    }
}
