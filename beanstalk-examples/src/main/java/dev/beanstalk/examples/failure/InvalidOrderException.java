package dev.beanstalk.examples.failure;

/** An order that no retry can make valid. */
class InvalidOrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidOrderException(Order order) {
        super("Order " + order.id() + " has no items");
    }
}
