package dev.beanstalk.embedded.internal.binlog;

import dev.beanstalk.embedded.internal.queue.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The chain of {@code binlog.N} files from the oldest to the newest, the one being written, and which job's full
 * record each holds: a file is deleted once it is the oldest and nothing holds it, as beanstalkd's {@code walgc}.
 */
final class BinlogFiles {

    private static final Logger LOG = Logger.getLogger(BinlogFiles.class.getName());

    private final Path directory;
    private final long fileSize;
    private final Deque<BinlogFile> chain = new ArrayDeque<>();
    /** The file being written. */
    BinlogFile current;
    /** The bytes of the records of live jobs, garbage excluded. */
    long alive;
    private int nextSeq = 1;

    BinlogFiles(Path directory, long fileSize) {
        this.directory = directory;
        this.fileSize = fileSize;
    }

    void nextSeq(int seq) {
        nextSeq = seq;
    }

    /** Adds a file read at start-up to the end of the chain. */
    void add(BinlogFile file) {
        chain.addLast(file);
    }

    BinlogFile head() {
        return chain.peekFirst();
    }

    BinlogFile tail() {
        return chain.peekLast();
    }

    int count() {
        return chain.size();
    }

    BinlogFile nextOf(BinlogFile file) {
        Iterator<BinlogFile> it = chain.iterator();
        while (it.hasNext()) {
            if (it.next() == file) {
                return it.hasNext() ? it.next() : null;
            }
        }
        return null;
    }

    /** Creates the next file, pre-sized, at the end of the chain. */
    void makeNext() throws IOException {
        BinlogFile file = new BinlogFile(nextSeq, directory.resolve("binlog." + nextSeq));
        file.openForWriting(fileSize);
        nextSeq++;
        chain.addLast(file);
    }

    boolean makeNextQuietly() {
        try {
            makeNext();
            return true;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot make the next binlog file", e);
            return false;
        }
    }

    /** Moves writing on to the next file, closing the current one; false when there is none. */
    boolean useNext() {
        BinlogFile next = nextOf(current);
        if (next == null) {
            LOG.warning("there is no next wal file");
            return false;
        }
        BinlogFile old = current;
        current = next;
        close(old);
        return true;
    }

    /** Ends the writing of {@code file}, which frees it for collection. */
    void close(BinlogFile file) {
        if (file == null || !file.isOpen()) {
            return;
        }
        try {
            file.closeForWriting(fileSize);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot close " + file.path, e);
        }
        if (file.refs < 1) {
            collectGarbage();
        }
    }

    /** The full record of {@code j} is in {@code file}: beanstalkd's {@code fileaddjob}. */
    void addJob(BinlogFile file, Job j) {
        j.binlogFile = file;
        j.binlogSeq = file.seq;
        file.jobs.add(j);
        file.refs++;
    }

    /** beanstalkd's {@code filermjob}: {@code j}'s records in {@code file} are garbage now. */
    void removeJob(Object file, Job j) {
        if (file == null || file != j.binlogFile) {
            return;
        }
        BinlogFile f = (BinlogFile) file;
        f.jobs.remove(j);
        j.binlogFile = null;
        j.binlogSeq = 0;
        alive -= j.walUsed;
        j.walUsed = 0;
        release(f);
    }

    /** {@code bytes} more of {@code j}'s records are on disk. */
    void countAlive(Job j, long bytes) {
        j.walUsed += bytes;
        alive += bytes;
    }

    void retain(BinlogFile file) {
        file.refs++;
    }

    void release(BinlogFile file) {
        if (--file.refs < 1) {
            collectGarbage();
        }
    }

    /** Deletes the oldest files while no job and no writer holds them. */
    private void collectGarbage() {
        while (!chain.isEmpty() && chain.peekFirst().refs < 1) {
            BinlogFile head = chain.removeFirst();
            try {
                Files.deleteIfExists(head.path);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot delete " + head.path, e);
            }
        }
    }
}
