package dev.beanstalk.sample.php;

import dev.beanstalk.sample.users.UserRegistration;
import dev.beanstalk.sample.users.WelcomeMailer;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.listener.JobHandle;
import dev.beanstalk.spring.php.PhpClass;
import org.springframework.stereotype.Component;

/**
 * Works on tube {@code laravel-users}, where a Laravel app dispatches {@code App\Jobs\RegisterUser}: each becomes a
 * registration the {@link WelcomeMailer} welcomes, retried as the job's {@code $tries} and {@code $backoff} say.
 */
@Component
public class LaravelUsers {

    public static final String TUBE = "laravel-users";

    private final WelcomeMailer mailer;

    public LaravelUsers(WelcomeMailer mailer) {
        this.mailer = mailer;
    }

    /** The Laravel job {@code App\Jobs\RegisterUser}, read from its public {@code $id} and {@code $name}. */
    @PhpClass("App\\Jobs\\RegisterUser")
    public record RegisterUser(long id, String name) {
    }

    @BeanstalkListener(id = "laravelUsers", tube = TUBE, converter = PhpFrameworksConfiguration.LARAVEL)
    public void register(RegisterUser user, JobHandle job) {
        mailer.welcome(new UserRegistration(user.id(), user.name()), job);
    }
}
