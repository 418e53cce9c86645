package dev.beanstalk.spring.observation;

import io.micrometer.observation.Observation;

/** The tag names of the default conventions, and how they read an outcome. */
final class ObservationKeys {

    static final String TUBE = "tube";
    static final String LISTENER = "listener";
    static final String OUTCOME = "outcome";
    static final String JOB_ID = "job.id";

    private ObservationKeys() {
    }

    static String outcome(Observation.Context context) {
        return context.getError() == null ? "success" : "failure";
    }
}
