package dev.beanstalk.examples.php.laravel;

import dev.beanstalk.spring.annotation.BeanstalkListener;
import org.springframework.stereotype.Component;

/** Handles the users a Laravel app registers. */
@Component
class LaravelUsers {

    // tag::listener[]
    @BeanstalkListener(tube = "laravel-users", converter = "laravelJobConverter")
    void register(RegisterUser user) {
        System.out.println(user);   // RegisterUser[id=1, name=Zoë]
    }
    // end::listener[]
}
