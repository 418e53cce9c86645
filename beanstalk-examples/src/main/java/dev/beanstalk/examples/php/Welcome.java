package dev.beanstalk.examples.php;

import dev.beanstalk.spring.annotation.BeanstalkListener;
import org.springframework.stereotype.Component;

// tag::consumer[]
@Component
class Welcome {
    @BeanstalkListener(tube = "userReg")
    void welcome(UserRegistration user) {   // record UserRegistration(long id, String name) {}
        System.out.println(user);
    }
}
// end::consumer[]
