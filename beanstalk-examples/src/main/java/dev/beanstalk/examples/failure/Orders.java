package dev.beanstalk.examples.failure;

import dev.beanstalk.spring.annotation.BeanstalkListener;
import org.springframework.stereotype.Component;

/** A listener with an exception that is never retried. */
@Component
class Orders {

    // tag::no-retry-for[]
    @BeanstalkListener(tube = "orders", maxAttempts = "5", noRetryFor = {InvalidOrderException.class})
    void handle(Order order) {
        if (order.quantity() < 1) {
            throw new InvalidOrderException(order);    // tried once, then dead-lettered or buried
        }
        System.out.println("Shipping " + order);
    }
    // end::no-retry-for[]
}
