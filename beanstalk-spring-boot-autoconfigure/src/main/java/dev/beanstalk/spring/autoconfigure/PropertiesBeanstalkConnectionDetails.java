package dev.beanstalk.spring.autoconfigure;

import dev.beanstalk.client.ServerAddress;
import java.util.List;

/** {@link BeanstalkConnectionDetails} from {@code beanstalk.servers}, or else {@code beanstalk.host} and {@code port}. */
final class PropertiesBeanstalkConnectionDetails implements BeanstalkConnectionDetails {

    private final BeanstalkProperties properties;

    PropertiesBeanstalkConnectionDetails(BeanstalkProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<ServerAddress> getServers() {
        if (!properties.getServers().isEmpty()) {
            return properties.getServers().stream().map(ServerAddress::parse).toList();
        }
        return List.of(new ServerAddress(properties.getHost(), properties.getPort()));
    }
}
