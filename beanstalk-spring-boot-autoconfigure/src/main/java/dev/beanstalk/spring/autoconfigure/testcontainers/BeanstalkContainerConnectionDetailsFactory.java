package dev.beanstalk.spring.autoconfigure.testcontainers;

import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.spring.autoconfigure.BeanstalkConnectionDetails;
import java.util.List;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.containers.Container;

/**
 * {@link BeanstalkConnectionDetails} for a beanstalkd container annotated {@code @ServiceConnection}: images named
 * {@code beanstalkd} or {@code schickling/beanstalkd}, or any with {@code @ServiceConnection(name = "beanstalkd")};
 * the server listens on port 11300 in the container.
 */
public final class BeanstalkContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<Container<?>, BeanstalkConnectionDetails> {

    /** The port beanstalkd listens on inside the container. */
    public static final int BEANSTALKD_PORT = ServerAddress.DEFAULT_PORT;

    public BeanstalkContainerConnectionDetailsFactory() {
        super(List.of("beanstalkd", "schickling/beanstalkd"));
    }

    @Override
    protected BeanstalkConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
        return new ContainerBeanstalkConnectionDetails(source);
    }

    /** The mapped host and port of the running container. */
    private static final class ContainerBeanstalkConnectionDetails extends ContainerConnectionDetails<Container<?>>
            implements BeanstalkConnectionDetails {

        private ContainerBeanstalkConnectionDetails(ContainerConnectionSource<Container<?>> source) {
            super(source);
        }

        @Override
        public List<ServerAddress> getServers() {
            Container<?> container = getContainer();
            return List.of(new ServerAddress(container.getHost(), container.getMappedPort(BEANSTALKD_PORT)));
        }
    }
}
