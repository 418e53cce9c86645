package dev.beanstalk.embedded;

/** Another server holds the lock of the binlog directory, as when a second beanstalkd exits with status 10. */
public final class BinlogLockedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public BinlogLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
