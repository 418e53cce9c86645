package dev.beanstalk.spring.autoconfigure.embedded;

import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.embedded.EmbeddedBeanstalkd;
import dev.beanstalk.spring.autoconfigure.BeanstalkConnectionDetails;
import java.util.List;

/** {@link BeanstalkConnectionDetails} of the embedded server: its address once started. */
final class EmbeddedBeanstalkConnectionDetails implements BeanstalkConnectionDetails {

    private final EmbeddedBeanstalkd server;

    EmbeddedBeanstalkConnectionDetails(EmbeddedBeanstalkd server) {
        this.server = server;
    }

    @Override
    public List<ServerAddress> getServers() {
        return List.of(new ServerAddress(server.host(), server.port()));
    }
}
