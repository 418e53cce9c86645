package dev.beanstalk.embedded.internal.queue;

/** The states of a job, named as {@code stats-job} prints them. */
public enum JobState {
    INVALID("invalid"), READY("ready"), RESERVED("reserved"), BURIED("buried"), DELAYED("delayed");

    private final String label;

    JobState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
