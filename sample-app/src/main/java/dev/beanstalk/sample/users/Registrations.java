package dev.beanstalk.sample.users;

import dev.beanstalk.spring.core.BeanstalkOperations;
import org.springframework.stereotype.Service;

/** Puts a registration on tube {@code userReg} and its reminder, delayed, on tube {@code reminders}. */
@Service
public class Registrations {

    public static final String USER_REG = "userReg";

    public static final String REMINDERS = "reminders";

    private final BeanstalkOperations beanstalk;
    private final SampleProperties properties;

    public Registrations(BeanstalkOperations beanstalk, SampleProperties properties) {
        this.beanstalk = beanstalk;
        this.properties = properties;
    }

    /** The ids of the two jobs a registration puts. */
    public record Registered(long jobId, long reminderJobId) {
    }

    public Registered register(UserRegistration registration) {
        long jobId = beanstalk.put(USER_REG, registration);
        long reminderJobId = beanstalk.putWithDelay(REMINDERS, registration, properties.reminderDelay());
        return new Registered(jobId, reminderJobId);
    }
}
