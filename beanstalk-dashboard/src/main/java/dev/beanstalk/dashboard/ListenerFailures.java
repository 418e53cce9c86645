package dev.beanstalk.dashboard;

import dev.beanstalk.spring.event.FailedJobEvent;
import dev.beanstalk.spring.event.JobDeadLetteredEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationListener;

/**
 * Remembers the last {@value #PER_CONTAINER} jobs each listener container buried or dead-lettered, with their
 * exception and stack trace (cut at {@value #MAX_TRACE} characters), for at most {@value #MAX_CONTAINERS} containers.
 */
public final class ListenerFailures implements ApplicationListener<FailedJobEvent> {

    static final int PER_CONTAINER = 20;

    static final int MAX_CONTAINERS = 200;

    static final int MAX_TRACE = 8192;

    private final Map<String, Ring<Failure>> failures = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(FailedJobEvent event) {
        String id = event.getContainerId();
        if (!failures.containsKey(id) && failures.size() >= MAX_CONTAINERS) {
            return;
        }
        String outcome = event instanceof JobDeadLetteredEvent ? "dead-lettered" : "buried";
        Throwable exception = event.getException();
        failures.computeIfAbsent(id, key -> new Ring<>(PER_CONTAINER)).add(new Failure(event.getTimestamp(),
                event.getJobId(), outcome, exception.getClass().getName(), String.valueOf(exception.getMessage()),
                trace(exception)));
    }

    /** The container's remembered failures, newest first. */
    public List<Failure> of(String containerId) {
        Ring<Failure> ring = failures.get(containerId);
        if (ring == null) {
            return List.of();
        }
        List<Failure> list = ring.toList();
        Collections.reverse(list);
        return list;
    }

    private static String trace(Throwable exception) {
        StringWriter writer = new StringWriter();
        exception.printStackTrace(new PrintWriter(writer));
        String trace = writer.toString();
        return trace.length() <= MAX_TRACE ? trace : trace.substring(0, MAX_TRACE) + "\n\t...";
    }

    /** A job a container buried or dead-lettered, and why. */
    public record Failure(long epochMillis, long jobId, String outcome, String exception, String message,
            String stackTrace) {
    }
}
