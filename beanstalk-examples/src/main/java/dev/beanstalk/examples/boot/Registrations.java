package dev.beanstalk.examples.boot;

import dev.beanstalk.spring.annotation.BeanstalkListener;
import org.springframework.stereotype.Component;

// tag::listener[]
@Component
class Registrations {
    private final Mailer mailer;

    Registrations(Mailer mailer) {
        this.mailer = mailer;
    }

    @BeanstalkListener(tube = "userReg")
    void onUserRegistered(UserRegistered event) {
        mailer.sendWelcome(event.name());
    }
}
// end::listener[]
