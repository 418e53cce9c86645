package dev.beanstalk.examples.failure;

import dev.beanstalk.spring.core.BeanstalkOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queues a job only once the transaction that stores the user commits. */
@Service
class SignUps {
    private final Users users;
    private final BeanstalkOperations beanstalk;

    SignUps(Users users, BeanstalkOperations beanstalk) {
        this.users = users;
        this.beanstalk = beanstalk;
    }

    // tag::put-after-commit[]
    @Transactional
    public void register(User user) {
        users.save(user);
        beanstalk.putAfterCommit("userReg", new UserRegistered(user.id(), user.name()));
    }
    // end::put-after-commit[]
}
