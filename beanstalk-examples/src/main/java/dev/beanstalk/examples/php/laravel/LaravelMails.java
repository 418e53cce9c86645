package dev.beanstalk.examples.php.laravel;

import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.php.LaravelJobConverter;

/** Queues a job that a Laravel worker runs. */
final class LaravelMails {

    private LaravelMails() {
    }

    static void send(BeanstalkOperations beanstalk, LaravelJobConverter laravelJobConverter) {
        // tag::put[]
        BeanstalkOperations laravel = beanstalk.withConverter(laravelJobConverter);
        laravel.put("laravel-mail", new SendWelcomeMail(1, "Zoë"));
        // end::put[]
    }
}
