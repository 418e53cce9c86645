package dev.beanstalk.examples.failure;

/** Sends the mails the failing listeners send. */
interface Mailer {

    void sendWelcome(UserRegistration user);
}
