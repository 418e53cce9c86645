package dev.beanstalk.spring.autoconfigure.docker;

import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.spring.autoconfigure.BeanstalkConnectionDetails;
import java.util.List;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;

/**
 * {@link BeanstalkConnectionDetails} for a beanstalkd service that Spring Boot's Docker Compose support started:
 * images named {@code beanstalkd} or {@code schickling/beanstalkd}, or any labelled
 * {@code org.springframework.boot.service-connection: beanstalkd}; the server listens on port 11300 in the
 * container, published on any host port.
 */
public final class BeanstalkDockerComposeConnectionDetailsFactory
        extends DockerComposeConnectionDetailsFactory<BeanstalkConnectionDetails> {

    private static final String[] BEANSTALKD_IMAGES = {"beanstalkd", "schickling/beanstalkd"};

    public BeanstalkDockerComposeConnectionDetailsFactory() {
        super(BEANSTALKD_IMAGES, "dev.beanstalk.client.BeanstalkClient");
    }

    @Override
    protected BeanstalkConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
        return new DockerComposeBeanstalkConnectionDetails(source.getRunningService());
    }

    /** The host and the published port of the running service. */
    static final class DockerComposeBeanstalkConnectionDetails extends DockerComposeConnectionDetails
            implements BeanstalkConnectionDetails {

        private final List<ServerAddress> servers;

        DockerComposeBeanstalkConnectionDetails(RunningService service) {
            super(service);
            this.servers = List.of(new ServerAddress(service.host(), service.ports().get(ServerAddress.DEFAULT_PORT)));
        }

        @Override
        public List<ServerAddress> getServers() {
            return servers;
        }
    }
}
