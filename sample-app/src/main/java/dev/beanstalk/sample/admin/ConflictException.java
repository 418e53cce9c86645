package dev.beanstalk.sample.admin;

/** A job that exists but is in a state the command does not apply to; answered with 409. */
final class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConflictException(String message) {
        super(message);
    }
}
