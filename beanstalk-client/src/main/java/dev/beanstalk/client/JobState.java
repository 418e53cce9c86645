package dev.beanstalk.client;

/** Where a job is in its life, as {@code stats-job} reports it. */
public enum JobState {
    READY("ready"),
    DELAYED("delayed"),
    RESERVED("reserved"),
    BURIED("buried");

    private final String wireName;

    JobState(String wireName) {
        this.wireName = wireName;
    }

    /** The state as the server writes it, such as {@code ready}. */
    public String wireName() {
        return wireName;
    }

    /** The state the server names, such as {@code buried}. */
    public static JobState of(String wireName) {
        for (JobState state : values()) {
            if (state.wireName.equals(wireName)) {
                return state;
            }
        }
        throw new BeanstalkProtocolException("unknown job state '" + wireName + "'");
    }
}
