package dev.beanstalk.examples.boot;

import dev.beanstalk.spring.core.BeanstalkOperations;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

// tag::producer[]
@Service
class SignUp {
    private final BeanstalkOperations beanstalk;

    SignUp(BeanstalkOperations beanstalk) {
        this.beanstalk = beanstalk;
    }

    void register(long id, String name) {
        beanstalk.put("userReg", new UserRegistered(id, name));       // {"id":1,"name":"test"}
        beanstalk.putWithDelay("reminders", id, Duration.ofHours(24));
        beanstalk.putAt("reminders", id, Instant.parse("2027-01-01T09:00:00Z"));
        beanstalk.putAfterCommit("audit", new UserRegistered(id, name)); // only if the transaction commits
    }
}
// end::producer[]
