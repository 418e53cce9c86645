package dev.beanstalk.examples.failure;

/** The application's store of users, written in the same transaction as the job is queued. */
interface Users {

    void save(User user);
}
