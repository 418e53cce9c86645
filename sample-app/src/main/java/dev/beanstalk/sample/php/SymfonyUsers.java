package dev.beanstalk.sample.php;

import dev.beanstalk.sample.users.UserRegistration;
import dev.beanstalk.sample.users.WelcomeMailer;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.listener.JobHandle;
import dev.beanstalk.spring.php.PhpClass;
import org.springframework.stereotype.Component;

/**
 * Works on tube {@code symfony-users}, where a Symfony app sends {@code App\Message\RegisterUser} messages through
 * Messenger's beanstalkd transport, with either serializer: each becomes a registration the {@link WelcomeMailer}
 * welcomes.
 */
@Component
public class SymfonyUsers {

    public static final String TUBE = "symfony-users";

    private final WelcomeMailer mailer;

    public SymfonyUsers(WelcomeMailer mailer) {
        this.mailer = mailer;
    }

    /** The Symfony message {@code App\Message\RegisterUser}, with its {@code id} and {@code name}. */
    @PhpClass("App\\Message\\RegisterUser")
    public record RegisterUser(long id, String name) {
    }

    @BeanstalkListener(id = "symfonyUsers", tube = TUBE, converter = PhpFrameworksConfiguration.SYMFONY)
    public void register(RegisterUser user, JobHandle job) {
        mailer.welcome(new UserRegistration(user.id(), user.name()), job);
    }
}
