package dev.beanstalk.spring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.beanstalk.client.TubeStats;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import dev.beanstalk.spring.listener.ContainerProperties;
import dev.beanstalk.spring.listener.JobOutcome;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code beanstalk} endpoint reads containers and tubes, and pauses or resumes a container. */
class BeanstalkEndpointTests {

    private final BeanstalkOperations operations = mock(BeanstalkOperations.class);
    private final BeanstalkListenerEndpointRegistry registry = mock(BeanstalkListenerEndpointRegistry.class);
    private final BeanstalkListenerContainer container = mock(BeanstalkListenerContainer.class);
    private final BeanstalkEndpoint endpoint = new BeanstalkEndpoint(operations, registry);

    @Test
    void describesTheContainersAndTheTubes() {
        Map<JobOutcome, Long> handled = new EnumMap<>(JobOutcome.class);
        handled.put(JobOutcome.DELETED, 5L);
        when(container.getId()).thenReturn("mailer");
        when(container.getTubes()).thenReturn(List.of("mail"));
        when(container.isRunning()).thenReturn(true);
        when(container.properties()).thenReturn(ContainerProperties.DEFAULTS.withConcurrency(3));
        when(container.getHandledCounts()).thenReturn(handled);
        when(registry.getListenerContainers()).thenReturn(List.of(container));
        when(operations.listTubes()).thenReturn(List.of("mail", "gone"));
        when(operations.statsTube("mail")).thenReturn(Optional.of(new TubeStats("mail", 1, 2, 3, 4, 5, 20, 1, 1, 0,
                7, 0, Duration.ZERO, Duration.ZERO)));
        when(operations.statsTube("gone")).thenReturn(Optional.empty());

        BeanstalkEndpoint.Description description = endpoint.describe();

        assertThat(description.containers()).containsExactly(new BeanstalkEndpoint.ContainerDescription("mailer",
                List.of("mail"), true, false, 3, Map.of("deleted", 5L)));
        assertThat(description.tubes()).containsExactly(
                new BeanstalkEndpoint.TubeDescription("mail", 2, 1, 3, 4, 5, 0, false));
    }

    @Test
    void pausesAndResumesAContainer() {
        when(registry.getListenerContainer("mailer")).thenReturn(container);
        when(container.getId()).thenReturn("mailer");
        when(container.properties()).thenReturn(ContainerProperties.DEFAULTS);

        assertThat(endpoint.container("mailer", "pause")).isNotNull();
        verify(container).pause();
        assertThat(endpoint.container("mailer", "resume")).isNotNull();
        verify(container).resume();
        assertThat(endpoint.container("nobody", "pause")).isNull();
    }

    @Test
    void refusesAnotherAction() {
        when(registry.getListenerContainer("mailer")).thenReturn(container);

        assertThatThrownBy(() -> endpoint.container("mailer", "stop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the action is pause or resume, was stop");
        verifyNoInteractions(operations);
    }
}
