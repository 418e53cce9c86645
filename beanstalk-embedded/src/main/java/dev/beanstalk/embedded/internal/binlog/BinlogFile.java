package dev.beanstalk.embedded.internal.binlog;

import dev.beanstalk.embedded.internal.queue.Job;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** One {@code binlog.N} file: the jobs whose full record it holds, which keep it alive, plus a reference while open. */
final class BinlogFile {

    final int seq;
    final Path path;
    final Set<Job> jobs = new LinkedHashSet<>();
    FileChannel channel;
    long size;
    int refs;

    BinlogFile(int seq, Path path) {
        this.seq = seq;
        this.path = path;
    }
}
