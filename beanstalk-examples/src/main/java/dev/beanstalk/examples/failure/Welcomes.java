package dev.beanstalk.examples.failure;

import dev.beanstalk.spring.annotation.BeanstalkListener;
import org.springframework.stereotype.Component;

/** A listener whose exhausted jobs go to a dead-letter tube. */
@Component
class Welcomes {
    private final Mailer mailer;

    Welcomes(Mailer mailer) {
        this.mailer = mailer;
    }

    // tag::dead-letter-tube[]
    @BeanstalkListener(tube = "userReg", deadLetterTube = "${app.dead-letters:failed}")
    void welcome(UserRegistration user) {
        mailer.sendWelcome(user);
    }
    // end::dead-letter-tube[]
}
