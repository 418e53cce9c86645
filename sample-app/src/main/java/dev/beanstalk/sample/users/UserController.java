package dev.beanstalk.sample.users;

import dev.beanstalk.sample.php.PhpWelcomeMails;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registers users through beanstalkd and shows what the listeners did with them. */
@RestController
@RequestMapping("/users")
public class UserController {

    private final Registrations registrations;
    private final WelcomeMailer mailer;
    private final Reminders reminders;
    private final PhpWelcomeMails phpMails;

    public UserController(Registrations registrations, WelcomeMailer mailer, Reminders reminders,
            PhpWelcomeMails phpMails) {
        this.registrations = registrations;
        this.mailer = mailer;
        this.reminders = reminders;
        this.phpMails = phpMails;
    }

    /** Registers the user; with {@code "notify"}, a PHP app's worker sends the welcome mail as well. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Registrations.Registered register(@RequestBody NewUser user) {
        Registrations.Registered registered = registrations.register(user.registration());
        if (user.notifyApp() != null) {
            phpMails.send(user.notifyApp(), user.registration());
        }
        return registered;
    }

    @GetMapping("/welcomed")
    public List<UserRegistration> welcomed() {
        return mailer.welcomed();
    }

    @GetMapping("/failed")
    public List<WelcomeMailer.FailedAttempt> failed() {
        return mailer.failures();
    }

    @GetMapping("/reminded")
    public List<UserRegistration> reminded() {
        return reminders.reminded();
    }
}
