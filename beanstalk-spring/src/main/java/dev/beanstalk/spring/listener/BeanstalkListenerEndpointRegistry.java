package dev.beanstalk.spring.listener;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The listener containers of an application, by id: it creates them from endpoints, starts those that start
 * automatically once the application context is refreshed, and stops them all, in parallel, when it closes.
 *
 * <p>Look a container up by id to pause, resume, stop or start it.
 */
public class BeanstalkListenerEndpointRegistry implements SmartLifecycle, DisposableBean {

    /**
     * The default phase, {@code Integer.MAX_VALUE - 100} as spring-kafka's listener containers: a lower phase starts
     * earlier and stops later, so listeners start after, and stop before, Spring Boot's web server (phases
     * {@code DEFAULT_PHASE - 2048} to run and {@code DEFAULT_PHASE - 1024} to shut down gracefully) and other beans of
     * lower phases, and start before, and stop after, beans of the default phase {@link SmartLifecycle#DEFAULT_PHASE}.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

    private final Map<String, BeanstalkListenerContainer> containers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private int phase = PHASE;

    /**
     * Creates the container of {@code endpoint} with {@code factory}; it starts at once if this registry is running
     * and the container starts automatically.
     *
     * @throws IllegalStateException if a container with the same id is registered
     */
    public BeanstalkListenerContainer registerListenerContainer(BeanstalkListenerEndpoint endpoint,
            BeanstalkListenerContainerFactory factory) {
        Objects.requireNonNull(endpoint.getId(), "endpoint id");
        BeanstalkListenerContainer container = factory.createListenerContainer(endpoint);
        BeanstalkListenerContainer previous = containers.putIfAbsent(endpoint.getId(), container);
        if (previous != null) {
            throw new IllegalStateException("Another listener has the id '" + endpoint.getId() + "' (" + previous
                    + "); give @BeanstalkListener an id unique in the application");
        }
        if (running && container.isAutoStartup()) {
            container.start();
        }
        return container;
    }

    /** The container with this id, or null. */
    public @Nullable BeanstalkListenerContainer getListenerContainer(String id) {
        return containers.get(id);
    }

    public Collection<BeanstalkListenerContainer> getListenerContainers() {
        return List.copyOf(containers.values());
    }

    @Override
    public void start() {
        running = true;
        containers.values().stream().filter(BeanstalkListenerContainer::isAutoStartup)
                .forEach(BeanstalkListenerContainer::start);
    }

    @Override
    public void stop() {
        running = false;
        containers.values().forEach(BeanstalkListenerContainer::stop);
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        Collection<BeanstalkListenerContainer> all = getListenerContainers();
        if (all.isEmpty()) {
            callback.run();
            return;
        }
        AtomicInteger remaining = new AtomicInteger(all.size());
        for (BeanstalkListenerContainer container : all) {
            container.stop(() -> {
                if (remaining.decrementAndGet() == 0) {
                    callback.run();
                }
            });
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }

    /** The lifecycle phase the containers start and stop in; {@link #PHASE} unless set. */
    public void setPhase(int phase) {
        this.phase = phase;
    }

    @Override
    public void destroy() {
        stop();
    }
}
