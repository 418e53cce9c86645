package dev.beanstalk.spring.autoconfigure.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.spring.autoconfigure.BeanstalkConnectionDetails;
import java.lang.reflect.Constructor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/** The factory, found through spring.factories, reads a described running service; no Docker needed. */
class BeanstalkDockerComposeConnectionDetailsFactoryTests {

    @Test
    void connectsToThePublishedPortOfABeanstalkdImage() throws Exception {
        BeanstalkConnectionDetails details = connectionDetails(service("schickling/beanstalkd:1.10", Map.of()));

        assertThat(details).isNotNull();
        assertThat(details.getServers()).containsExactly(new ServerAddress("192.168.1.5", 49153));
    }

    @Test
    void matchesTheOfficialNameAndTheServiceConnectionLabel() throws Exception {
        assertThat(connectionDetails(service("beanstalkd:latest", Map.of()))).isNotNull();
        assertThat(connectionDetails(service("example/queue:2",
                Map.of("org.springframework.boot.service-connection", "beanstalkd")))).isNotNull();
    }

    @Test
    void ignoresOtherImages() throws Exception {
        assertThat(connectionDetails(service("redis:7", Map.of()))).isNull();
    }

    private static RunningService service(String image, Map<String, String> labels) {
        RunningService service = mock(RunningService.class);
        ConnectionPorts ports = mock(ConnectionPorts.class);
        given(ports.get(11300)).willReturn(49153);
        given(service.name()).willReturn("queue");
        given(service.image()).willReturn(ImageReference.of(image));
        given(service.host()).willReturn("192.168.1.5");
        given(service.ports()).willReturn(ports);
        given(service.labels()).willReturn(labels);
        given(service.env()).willReturn(Map.of());
        return service;
    }

    private static BeanstalkConnectionDetails connectionDetails(RunningService service) throws Exception {
        Constructor<DockerComposeConnectionSource> constructor = DockerComposeConnectionSource.class
                .getDeclaredConstructor(RunningService.class, Environment.class);
        constructor.setAccessible(true);
        DockerComposeConnectionSource source = constructor.newInstance(service, new StandardEnvironment());
        return new ConnectionDetailsFactories(null).getConnectionDetails(source, false)
                .get(BeanstalkConnectionDetails.class) instanceof BeanstalkConnectionDetails details ? details : null;
    }
}
