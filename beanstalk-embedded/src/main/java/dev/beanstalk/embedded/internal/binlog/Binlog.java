package dev.beanstalk.embedded.internal.binlog;

import dev.beanstalk.embedded.internal.queue.Job;
import dev.beanstalk.embedded.internal.queue.JobState;
import dev.beanstalk.embedded.internal.queue.Tube;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The write-ahead log of {@code -b DIR} in beanstalkd 1.12's own format and with its rules ({@code walg.c}): a new
 * pre-sized file at every start, space reserved for a job's records before they are written (a put reserves its full
 * record and its delete), files deleted once no live job's full record is in them, live jobs copied out of the oldest
 * file when most of the log is garbage, and fsync at most every {@code syncRate}. beanstalkd and this server can
 * each open a directory the other wrote, even after a kill -9.
 */
public final class Binlog implements AutoCloseable {

    /** beanstalkd's default {@code -s}. */
    public static final long DEFAULT_FILE_SIZE = 10_485_760;

    private static final Logger LOG = Logger.getLogger(Binlog.class.getName());

    private final Path directory;
    private final long fileSize;
    private final long syncRateNanos;
    private final BinlogFiles files;
    private FileChannel lockChannel;
    private long reserved;
    private long recordsWritten;
    private long recordsMigrated;
    private long lastSync;
    private boolean enabled;
    private long nextId = 1;

    private Binlog(Path directory, long fileSize, long syncRateNanos) {
        this.directory = directory;
        this.fileSize = fileSize;
        this.syncRateNanos = syncRateNanos;
        this.enabled = directory != null;
        this.files = new BinlogFiles(directory, fileSize);
    }

    /** No log: every reservation and write succeeds and nothing survives a restart. */
    public static Binlog disabled(long fileSize) {
        return new Binlog(null, fileSize, -1);
    }

    /**
     * Locks {@code directory} (an fcntl lock on {@code lock}, the one beanstalkd takes) and prepares to replay it.
     *
     * @param syncRateNanos fsync at most this often; 0 after every write, negative never
     * @throws BinlogLockedException when another server, this one or beanstalkd, holds the directory
     */
    public static Binlog open(Path directory, long fileSize, long syncRateNanos) throws IOException {
        Binlog binlog = new Binlog(directory, fileSize, syncRateNanos);
        binlog.lock();
        return binlog;
    }

    private void lock() throws IOException {
        Files.createDirectories(directory);
        Path path = directory.resolve("lock");
        lockChannel = Files.exists(path) ? FileChannel.open(path, StandardOpenOption.WRITE)
                : FileChannel.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new BinlogLockedException(directory);
        }
    }

    /**
     * Reads every {@code binlog.N} from the lowest number up, opens the next file for writing, and returns the live
     * jobs in the order they first appear, with space reserved for a change of each; see {@link BinlogReader}.
     */
    public List<Job> replay(Function<String, Tube> tubes, long maxJobSize) {
        if (!enabled) {
            return List.of();
        }
        BinlogReader reader = new BinlogReader(files, maxJobSize);
        try {
            for (BinlogFile file : BinlogReader.scan(directory, files)) {
                files.add(file);
                reader.read(file);
            }
            if (reader.failed()) {
                LOG.warning("Errors reading one or more WAL files. Continuing. You may be missing data.");
            }
            files.makeNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the binlog in " + directory, e);
        }
        files.current = files.tail();
        List<Job> live = reader.liveJobs(tubes);
        nextId = reader.nextId();
        for (int i = 0; i < live.size(); i++) {
            if (reserve(Jobrec.SHORT_RECORD) == 0) {
                throw new UncheckedIOException(new IOException("failed to reserve space in " + directory));
            }
        }
        return live;
    }

    /** One more than the highest job id any record held, deleted ones included. */
    public long nextId() {
        return nextId;
    }

    /** Reserves a new job's full record and its delete; false when there is no room (beanstalkd: OUT_OF_MEMORY). */
    public boolean reservePut(Job j) {
        j.walReserved = reserve(Jobrec.fullSize(j) + Jobrec.SHORT_RECORD);
        return j.walReserved != 0;
    }

    /** Reserves one more short record for {@code j}, before a change that is logged (bury, kick, delayed release). */
    public boolean reserveUpdate(Job j) {
        long z = reserve(Jobrec.SHORT_RECORD);
        j.walReserved += z;
        return z != 0;
    }

    /**
     * beanstalkd's {@code walwrite}: a full record the first time a job is logged (or after it moved), a short one
     * afterwards; a job written in state {@link JobState#INVALID} is a delete. Returns false when the log failed and
     * was turned off.
     */
    public boolean write(Job j) {
        if (!enabled) {
            return true;
        }
        boolean written = false;
        try {
            if (files.current.reserved > 0 || files.useNext()) {
                written = j.binlogFile == null ? writeFull(j) : writeShort(j);
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "binlog write failed", e);
        }
        if (!written) {
            LOG.severe("the binlog is off from now on");
            files.close(files.current);
            enabled = false;
        }
        recordsWritten++;
        return written;
    }

    private boolean writeFull(Job j) throws IOException {
        files.addJob(files.current, j);
        return append(j, Jobrec.full(j));
    }

    private boolean writeShort(Job j) throws IOException {
        boolean written = append(j, Jobrec.brief(j));
        if (j.state == JobState.INVALID) {
            files.removeJob(j.binlogFile, j);
        }
        return written;
    }

    private boolean append(Job j, ByteBuffer record) throws IOException {
        int n = record.remaining();
        files.current.write(record);
        reserved -= n;
        files.current.reserved -= n;
        j.walReserved -= n;
        files.countAlive(j, n);
        return true;
    }

    /** beanstalkd's {@code walmaint}: compaction, then fsync if due. */
    public void maintain() {
        if (!enabled) {
            return;
        }
        for (long r = ratio(); r >= 2; r--) {
            moveOne();
        }
        if (syncRateNanos >= 0) {
            long now = System.nanoTime();
            if (now - lastSync >= syncRateNanos) {
                lastSync = now;
                try {
                    files.current.sync();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "fsync failed", e);
                }
            }
        }
    }

    /** How many times over the garbage outweighs what is alive or promised. */
    private long ratio() {
        long used = files.alive + reserved;
        return used == 0 ? 0 : ((long) files.count() * fileSize - used) / used;
    }

    /** Copies the first job of the oldest file to the current one, unless that file is the current or the next. */
    private void moveOne() {
        BinlogFile head = files.head();
        if (head == files.current || files.nextOf(head) == files.current) {
            return;
        }
        Iterator<Job> jobs = head.jobs.iterator();
        if (!jobs.hasNext()) {
            LOG.warning("head holds no jlist");
            return;
        }
        Job j = jobs.next();
        if (reserve(Jobrec.fullSize(j)) == 0) {
            return;
        }
        files.removeJob(head, j);
        recordsMigrated++;
        write(j);
    }

    // ------------------------------------------------------------------------------------------ space reservation

    /** Reserves {@code n} bytes in the current file or later ones: n on success, 0 when no file can be made. */
    private long reserve(long n) {
        if (!enabled) {
            return 1;
        }
        BinlogFile current = files.current;
        if (current.free >= n) {
            current.free -= n;
            current.reserved += n;
            reserved += n;
            return n;
        }
        if (!needFree(n)) {
            return 0;
        }
        BinlogFile tail = files.tail();
        tail.free -= n;
        tail.reserved += n;
        reserved += n;
        if (!balance(n)) {
            reserved -= n;
            tail.reserved -= n;
            tail.free += n;
            return 0;
        }
        return n;
    }

    /** Whether the last file has {@code n} bytes free, or a new last file could be made. */
    private boolean needFree(long n) {
        return files.tail().free >= n || files.makeNextQuietly();
    }

    /**
     * Makes the current file hold at least {@code n} reserved bytes, and every file's reservation a whole number of
     * short records beyond that (beanstalkd's {@code balance}), so a write never finds its file without room.
     */
    private boolean balance(long n) {
        while (files.current.reserved < n) {
            long m = files.current.reserved;
            if (!needFree(m)) {
                return false;
            }
            moveReserved(files.tail(), files.current, m);
            files.useNext();
        }
        for (BinlogFile b = files.current; b != null; b = files.nextOf(b)) {
            if (!balanceRest(b, b == files.current ? n : 0)) {
                return false;
            }
        }
        return true;
    }

    private boolean balanceRest(BinlogFile b, long n) {
        long r = (b.reserved - n) % Jobrec.SHORT_RECORD;
        if (r == 0) {
            return true;
        }
        long c = Jobrec.SHORT_RECORD - r;
        BinlogFile tail = files.tail();
        if (tail.reserved >= c && b.free >= c) {
            moveReserved(b, tail, c);
            return true;
        }
        if (!needFree(r)) {
            LOG.warning("needfree");
            return false;
        }
        moveReserved(files.tail(), b, r);
        return true;
    }

    private static void moveReserved(BinlogFile to, BinlogFile from, long n) {
        from.reserved -= n;
        from.free += n;
        to.reserved += n;
        to.free -= n;
    }

    public int oldestIndex() {
        return files.head() == null ? 0 : files.head().seq;
    }

    public int currentIndex() {
        return files.current != null ? files.current.seq : 0;
    }

    public long recordsMigrated() {
        return recordsMigrated;
    }

    public long recordsWritten() {
        return recordsWritten;
    }

    public long maxFileSize() {
        return fileSize;
    }

    /** Releases the files and the directory lock, leaving the current file as a kill -9 leaves beanstalkd's. */
    @Override
    public void close() {
        try {
            BinlogFile current = files.current;
            if (current != null) {
                if (enabled && syncRateNanos >= 0 && current.isOpen()) {
                    current.sync();
                }
                current.abandon();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot close the binlog", e);
        }
    }
}
