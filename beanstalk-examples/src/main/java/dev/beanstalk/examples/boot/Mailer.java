package dev.beanstalk.examples.boot;

import org.springframework.stereotype.Component;

/** Sends the welcome mail of the examples (to the log). */
@Component
class Mailer {

    void sendWelcome(String name) {
        System.out.println("Welcome, " + name);
    }
}
