package dev.beanstalk.sample.users;

import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.listener.JobHandle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Works on tube {@code userReg}: "sends" each new user a welcome mail (logs it and remembers it). The mail server
 * refuses users named {@code fail}: their job is retried ({@code beanstalk.listener.retry.*}) and then moved to the
 * dead-letter tube ({@code beanstalk.listener.dead-letter-tube}).
 */
@Component
public class WelcomeMailer {

    public static final String LISTENER_ID = "welcomeMailer";

    private static final Logger log = LoggerFactory.getLogger(WelcomeMailer.class);

    private final List<UserRegistration> welcomed = new CopyOnWriteArrayList<>();
    private final List<FailedAttempt> failures = new CopyOnWriteArrayList<>();

    /** A welcome mail that could not be sent: the job, its attempt number and the user. */
    public record FailedAttempt(long jobId, long attempt, UserRegistration user) {
    }

    @BeanstalkListener(id = LISTENER_ID, tube = Registrations.USER_REG)
    public void welcome(UserRegistration user, JobHandle job) {
        if ("fail".equals(user.name())) {
            long attempt = job.attempt();
            failures.add(new FailedAttempt(job.job().id(), attempt, user));
            throw new IllegalStateException("The mail server refused the welcome mail to user " + user.id()
                    + " named 'fail' (job " + job.job().idString() + ", attempt " + attempt + ")");
        }
        log.info("Welcome mail sent to user {} ({}), job {}", user.id(), user.name(), job.job().idString());
        welcomed.add(user);
    }

    /** The users welcomed so far, oldest first. */
    public List<UserRegistration> welcomed() {
        return List.copyOf(welcomed);
    }

    /** The welcome mails that failed so far, oldest first. */
    public List<FailedAttempt> failures() {
        return List.copyOf(failures);
    }
}
