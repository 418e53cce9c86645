package dev.beanstalk.sample.users;

import dev.beanstalk.spring.annotation.BeanstalkListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Works on tube {@code reminders}, whose jobs become ready {@code sample.reminder-delay} after a registration. */
@Component
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final List<UserRegistration> reminded = new CopyOnWriteArrayList<>();

    @BeanstalkListener(id = "reminders", tube = Registrations.REMINDERS)
    public void remind(UserRegistration user) {
        log.info("Reminder sent to user {} ({})", user.id(), user.name());
        reminded.add(user);
    }

    /** The users reminded so far, oldest first. */
    public List<UserRegistration> reminded() {
        return List.copyOf(reminded);
    }
}
