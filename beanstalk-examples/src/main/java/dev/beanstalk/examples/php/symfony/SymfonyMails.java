package dev.beanstalk.examples.php.symfony;

import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.php.SymfonyMessengerJobConverter;

/** Queues a message that a Symfony Messenger worker handles. */
final class SymfonyMails {

    private SymfonyMails() {
    }

    static void send(BeanstalkOperations beanstalk, SymfonyMessengerJobConverter symfonyJobConverter) {
        // tag::put[]
        beanstalk.withConverter(symfonyJobConverter).put("symfony-mail", new SendWelcomeMail(1, "Zoë"));
        // {"body":"{\"id\":1,\"name\":\"Zoë\"}","headers":{"type":"App\\Message\\SendWelcomeMail","Content-Type":"application/json"}}
        // end::put[]
    }
}
