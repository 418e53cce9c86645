package dev.beanstalk.examples.php.laravel;

import dev.beanstalk.spring.annotation.BeanstalkHandler;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.listener.JobHandle;
import org.springframework.stereotype.Component;

// tag::handlers[]
@Component
@BeanstalkListener(tube = "laravel-mail", converter = "laravelJobConverter")
class Mails {

    @BeanstalkHandler
    void welcome(SendWelcomeMail mail) {                    // @PhpClass("App\\Jobs\\SendWelcomeMail")
        System.out.println("Welcome, " + mail.name());
    }

    @BeanstalkHandler
    void close(CloseAccount close, JobHandle job) {         // @PhpClass("App\\Jobs\\CloseAccount")
        System.out.println("Closing account " + close.id() + ", attempt " + job.attempt());
    }
}
// end::handlers[]
