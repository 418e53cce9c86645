package dev.beanstalk.examples.php.symfony;

import dev.beanstalk.spring.annotation.BeanstalkListener;
import org.springframework.stereotype.Component;

/** Handles the users a Symfony app registers. */
@Component
class SymfonyUsers {

    // tag::listener[]
    @BeanstalkListener(tube = "symfony-users", converter = "symfonyJobConverter")
    void register(RegisterUser user) {
        System.out.println(user);   // RegisterUser[id=1, name=Zoë]
    }
    // end::listener[]
}
