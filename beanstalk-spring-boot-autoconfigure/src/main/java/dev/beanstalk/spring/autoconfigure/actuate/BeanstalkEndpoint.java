package dev.beanstalk.spring.autoconfigure.actuate;

import dev.beanstalk.client.TubeStats;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code beanstalk} endpoint: reading lists the listener containers and the server's tubes; writing
 * {@code {"action": "pause"}} or {@code "resume"} to {@code beanstalk/{container}} pauses or resumes that container.
 * It follows Actuator's exposure rules (not exposed over HTTP unless included).
 */
@Endpoint(id = "beanstalk")
public class BeanstalkEndpoint {

    private final BeanstalkOperations operations;
    private final @Nullable BeanstalkListenerEndpointRegistry registry;

    public BeanstalkEndpoint(BeanstalkOperations operations, @Nullable BeanstalkListenerEndpointRegistry registry) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.registry = registry;
    }

    @ReadOperation
    public Description describe() {
        List<ContainerDescription> containers = containers().stream().map(ContainerDescription::of)
                .sorted(Comparator.comparing(ContainerDescription::id)).toList();
        List<TubeDescription> tubes = new ArrayList<>();
        for (String name : operations.listTubes()) {
            operations.statsTube(name).map(TubeDescription::of).ifPresent(tubes::add);
        }
        tubes.sort(Comparator.comparing(TubeDescription::name));
        return new Description(containers, tubes);
    }

    /** Pauses or resumes the container; null (404) when there is no such container. */
    @WriteOperation
    public @Nullable ContainerDescription container(@Selector String id, String action) {
        BeanstalkListenerContainer container = registry == null ? null : registry.getListenerContainer(id);
        if (container == null) {
            return null;
        }
        switch (action) {
            case "pause" -> container.pause();
            case "resume" -> container.resume();
            default -> throw new IllegalArgumentException("the action is pause or resume, was " + action);
        }
        return ContainerDescription.of(container);
    }

    private List<BeanstalkListenerContainer> containers() {
        return registry == null ? List.of() : List.copyOf(registry.getListenerContainers());
    }

    /** The listener containers and the tubes. */
    public record Description(List<ContainerDescription> containers, List<TubeDescription> tubes) {
    }

    /** A listener container: its tubes, whether it runs or is paused, its workers and its jobs by outcome. */
    public record ContainerDescription(String id, List<String> tubes, boolean running, boolean paused, int concurrency,
            Map<String, Long> handled) {

        static ContainerDescription of(BeanstalkListenerContainer container) {
            Map<String, Long> handled = new TreeMap<>();
            container.getHandledCounts().forEach((outcome, count) -> handled.put(outcome.tagValue(), count));
            return new ContainerDescription(container.getId(), container.getTubes(), container.isRunning(),
                    container.isPaused(), container.properties().concurrency(), handled);
        }
    }

    /** A tube's jobs by state and whether it is paused. */
    public record TubeDescription(String name, long ready, long urgent, long reserved, long delayed, long buried,
            long waiting, boolean paused) {

        static TubeDescription of(TubeStats stats) {
            return new TubeDescription(stats.name(), stats.currentJobsReady(), stats.currentJobsUrgent(),
                    stats.currentJobsReserved(), stats.currentJobsDelayed(), stats.currentJobsBuried(),
                    stats.currentWaiting(), stats.isPaused());
        }
    }
}
