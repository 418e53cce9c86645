package dev.beanstalk.embedded.internal.binlog;

import java.io.IOException;
import java.nio.file.Path;

/** Another server holds the lock of the binlog directory; beanstalkd exits with status 10 in this case. */
public final class BinlogLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    public BinlogLockedException(Path directory) {
        super("failed to lock wal dir " + directory + ": another server uses it");
    }
}
