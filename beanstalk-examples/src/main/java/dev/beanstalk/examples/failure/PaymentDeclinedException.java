package dev.beanstalk.examples.failure;

/** A payment the bank declined: the customer is told, and the job is not worth keeping. */
class PaymentDeclinedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PaymentDeclinedException(String message) {
        super(message);
    }
}
