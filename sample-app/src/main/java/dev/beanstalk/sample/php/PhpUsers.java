package dev.beanstalk.sample.php;

import dev.beanstalk.sample.users.UserRegistration;
import dev.beanstalk.sample.users.WelcomeMailer;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.listener.JobHandle;
import dev.beanstalk.spring.php.PhpClass;
import org.springframework.stereotype.Component;

/**
 * Works on the registrations PHP apps queue: a Laravel app's {@code App\Jobs\RegisterUser} jobs on tube
 * {@code laravel-users} (retried as the job's {@code $tries} and {@code $backoff} say) and a Symfony app's
 * {@code App\Message\RegisterUser} messages on tube {@code symfony-users} (with either Messenger serializer). Each
 * becomes a registration the {@link WelcomeMailer} welcomes.
 */
@Component
public class PhpUsers {

    public static final String LARAVEL_TUBE = "laravel-users";

    public static final String SYMFONY_TUBE = "symfony-users";

    private final WelcomeMailer mailer;

    public PhpUsers(WelcomeMailer mailer) {
        this.mailer = mailer;
    }

    /** The Laravel job {@code App\Jobs\RegisterUser}, read from its {@code $id} and {@code $name}. */
    @PhpClass("App\\Jobs\\RegisterUser")
    public record LaravelRegisterUser(long id, String name) {
    }

    /** The Symfony Messenger message {@code App\Message\RegisterUser}, with its {@code id} and {@code name}. */
    @PhpClass("App\\Message\\RegisterUser")
    public record SymfonyRegisterUser(long id, String name) {
    }

    @BeanstalkListener(id = "laravelUsers", tube = LARAVEL_TUBE, converter = PhpFrameworksConfiguration.LARAVEL)
    public void laravel(LaravelRegisterUser user, JobHandle job) {
        mailer.welcome(new UserRegistration(user.id(), user.name()), job);
    }

    @BeanstalkListener(id = "symfonyUsers", tube = SYMFONY_TUBE, converter = PhpFrameworksConfiguration.SYMFONY)
    public void symfony(SymfonyRegisterUser user, JobHandle job) {
        mailer.welcome(new UserRegistration(user.id(), user.name()), job);
    }
}
