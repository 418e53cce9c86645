package dev.beanstalk.sample.admin;

/** A job or tube the server does not have; answered with 404. */
final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
        super(message);
    }
}
