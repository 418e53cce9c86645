package dev.beanstalk.spring.listener;

import dev.beanstalk.client.Job;
import org.slf4j.MDC;
import org.springframework.util.ClassUtils;

/**
 * The MDC entries set while a handler runs: {@value #JOB_ID}, {@value #TUBE} and {@value #LISTENER}; nothing when
 * SLF4J is absent.
 */
final class ListenerMdc {

    static final String JOB_ID = "beanstalk.jobId";
    static final String TUBE = "beanstalk.tube";
    static final String LISTENER = "beanstalk.listener";

    private static final boolean SLF4J_PRESENT = ClassUtils.isPresent("org.slf4j.MDC",
            ListenerMdc.class.getClassLoader());

    private ListenerMdc() {
    }

    /** Sets the entries of {@code job}, reserved from {@code tube} by the listener {@code listenerId}. */
    static void put(Job job, String tube, String listenerId) {
        if (SLF4J_PRESENT) {
            MDC.put(JOB_ID, job.idString());
            MDC.put(TUBE, tube);
            MDC.put(LISTENER, listenerId);
        }
    }

    static void clear() {
        if (SLF4J_PRESENT) {
            MDC.remove(JOB_ID);
            MDC.remove(TUBE);
            MDC.remove(LISTENER);
        }
    }
}
