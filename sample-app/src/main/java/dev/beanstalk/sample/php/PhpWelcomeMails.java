package dev.beanstalk.sample.php;

import dev.beanstalk.sample.users.UserRegistration;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.php.LaravelJobConverter;
import dev.beanstalk.spring.php.PhpClass;
import dev.beanstalk.spring.php.SymfonyMessengerJobConverter;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Service;

/**
 * Has a PHP app send the welcome mail: queues a Laravel job {@code App\Jobs\SendWelcomeMail} on tube
 * {@code laravel-mail}, or a Symfony message {@code App\Message\SendWelcomeMail} on tube {@code symfony-mail}, which
 * that app's worker runs.
 */
@Service
public class PhpWelcomeMails {

    public static final String LARAVEL_TUBE = "laravel-mail";

    public static final String SYMFONY_TUBE = "symfony-mail";

    private final BeanstalkOperations laravel;
    private final BeanstalkOperations symfony;

    public PhpWelcomeMails(BeanstalkOperations beanstalk, BeanFactory beans) {
        this.laravel = beanstalk.withConverter(beans.getBean(PhpFrameworksConfiguration.LARAVEL,
                LaravelJobConverter.class));
        this.symfony = beanstalk.withConverter(beans.getBean(PhpFrameworksConfiguration.SYMFONY,
                SymfonyMessengerJobConverter.class));
    }

    /** The Laravel job, which the Laravel app's class of that name handles. */
    @PhpClass("App\\Jobs\\SendWelcomeMail")
    public record LaravelSendWelcomeMail(long id, String name) {
    }

    /** The Symfony message, which the Symfony app's handler of that class handles. */
    @PhpClass("App\\Message\\SendWelcomeMail")
    public record SymfonySendWelcomeMail(long id, String name) {
    }

    /**
     * Queues the welcome mail of {@code user} for the PHP app {@code framework} names, {@code laravel} or
     * {@code symfony}, and returns the job id.
     */
    public long send(String framework, UserRegistration user) {
        return switch (requireFramework(framework)) {
            case "laravel" -> laravel.put(LARAVEL_TUBE, new LaravelSendWelcomeMail(user.id(), user.name()));
            default -> symfony.put(SYMFONY_TUBE, new SymfonySendWelcomeMail(user.id(), user.name()));
        };
    }

    /** {@code framework}, if it is {@code laravel} or {@code symfony}. */
    public static String requireFramework(String framework) {
        if (!"laravel".equals(framework) && !"symfony".equals(framework)) {
            throw new IllegalArgumentException("notify must be \"laravel\" or \"symfony\", was \"" + framework
                    + "\"");
        }
        return framework;
    }
}
