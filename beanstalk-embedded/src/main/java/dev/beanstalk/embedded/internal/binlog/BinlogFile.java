package dev.beanstalk.embedded.internal.binlog;

import dev.beanstalk.embedded.internal.queue.Job;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One {@code binlog.N} file, as beanstalkd's {@code File}: the jobs whose full record it holds (in the order written,
 * each one a reference that keeps the file), one more reference while it is open for writing, and its space: bytes
 * {@code free}, and bytes {@code reserved} for records promised but not yet written.
 */
final class BinlogFile {

    /** beanstalkd pre-sizes a file by writing zeros in blocks of this size, so its size is rounded up to one. */
    private static final int FALLOC_BLOCK = 4096;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * FALLOC_BLOCK);

    final int seq;
    final Path path;
    final Set<Job> jobs = new LinkedHashSet<>();
    int refs;
    long free;
    long reserved;
    private FileChannel channel;
    private long position;

    BinlogFile(int seq, Path path) {
        this.seq = seq;
        this.path = path;
    }

    boolean isOpen() {
        return channel != null;
    }

    /**
     * Creates the file (mode 0400, as beanstalkd), fills it with zeros up to {@code fileSize} rounded up to 4096, and
     * writes the version: beanstalkd's {@code filewopen}. Trailing zeros read back as the end of the log.
     */
    void openForWriting(long fileSize) throws IOException {
        FileChannel opened = FileChannel.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r--------")));
        try {
            long size = (fileSize + FALLOC_BLOCK - 1) / FALLOC_BLOCK * FALLOC_BLOCK;
            for (long at = 0; at < size; ) {
                ByteBuffer zeros = ZEROS.duplicate().limit((int) Math.min(ZEROS.capacity(), size - at));
                at += opened.write(zeros, at);
            }
            ByteBuffer version = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, Jobrec.VERSION);
            while (version.hasRemaining()) {
                position += opened.write(version, position);
            }
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        channel = opened;
        refs++;
        free = fileSize - position;
        reserved = 0;
    }

    /** Appends {@code record} after what was written before. */
    void write(ByteBuffer record) throws IOException {
        while (record.hasRemaining()) {
            position += channel.write(record, position);
        }
    }

    void sync() throws IOException {
        channel.force(false);
    }

    /**
     * beanstalkd's {@code filewclose}: a file with space left is cut to what was used and reserved (the pre-sized
     * zeros beyond go), then closed; one that is full keeps its size.
     */
    void closeForWriting(long fileSize) throws IOException {
        try {
            if (free != 0) {
                long size = fileSize - free;
                if (size < channel.size()) {
                    channel.truncate(size);
                } else {
                    for (long at = channel.size(); at < size; ) {
                        at += channel.write(ZEROS.duplicate().limit((int) Math.min(ZEROS.capacity(), size - at)), at);
                    }
                }
            }
        } finally {
            channel.close();
            channel = null;
        }
        refs--;
    }

    /** Closes the file without cutting it, as a killed beanstalkd leaves it. */
    void abandon() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
