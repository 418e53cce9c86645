package dev.beanstalk.examples.php;

import dev.beanstalk.spring.core.BeanstalkOperations;
import org.springframework.stereotype.Service;

// tag::producer[]
@Service
class Registrations {
    private final BeanstalkOperations beanstalk;

    Registrations(BeanstalkOperations beanstalk) {
        this.beanstalk = beanstalk;
    }

    long register(UserRegistration user) {
        return beanstalk.put("userReg", user);          // {"id":1,"name":"test"}
    }
}
// end::producer[]
