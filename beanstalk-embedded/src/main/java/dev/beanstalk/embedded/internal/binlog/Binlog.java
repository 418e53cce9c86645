package dev.beanstalk.embedded.internal.binlog;

import dev.beanstalk.embedded.internal.queue.Job;
import dev.beanstalk.embedded.internal.queue.JobState;
import dev.beanstalk.embedded.internal.queue.Tube;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The write-ahead log of {@code -b DIR}, with beanstalkd's {@code walg.c} rules: which changes are logged, a new file
 * at every start, files deleted once no live job's full record is in them, live jobs copied out of the oldest file
 * when most of the log is garbage, and fsync at most every {@code syncRate}. The byte format is this server's own.
 */
public final class Binlog implements AutoCloseable {

    /** beanstalkd's default {@code -s}. */
    public static final long DEFAULT_FILE_SIZE = 10_485_760;

    private static final Logger LOG = Logger.getLogger(Binlog.class.getName());
    private static final String PREFIX = "binlog.";

    private final Path directory;
    private final long fileSize;
    private final long syncRateNanos;
    private final Deque<BinlogFile> files = new ArrayDeque<>();
    private FileChannel lockChannel;
    private BinlogFile current;
    private int nextSeq = 1;
    private long nextId = 1;
    private long alive;
    private long recordsWritten;
    private long recordsMigrated;
    private long lastSync;
    private boolean enabled;

    private Binlog(Path directory, long fileSize, long syncRateNanos) {
        this.directory = directory;
        this.fileSize = fileSize;
        this.syncRateNanos = syncRateNanos;
        this.enabled = directory != null;
    }

    /** No log: every write succeeds and nothing survives a restart. */
    public static Binlog disabled(long fileSize) {
        return new Binlog(null, fileSize, -1);
    }

    /**
     * Locks {@code directory} and prepares to replay it.
     *
     * @param syncRateNanos fsync at most this often; 0 after every write, negative never
     * @throws BinlogLockedException when another server holds the directory
     */
    public static Binlog open(Path directory, long fileSize, long syncRateNanos) throws IOException {
        Binlog binlog = new Binlog(directory, fileSize, syncRateNanos);
        binlog.lock();
        return binlog;
    }

    private void lock() throws IOException {
        Files.createDirectories(directory);
        lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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
     * Reads every {@code binlog.N} from the lowest number up and returns the live jobs in the order they first
     * appear, then opens the next file for writing. As in beanstalkd, a record whose body exceeds {@code maxJobSize}
     * (counting its CRLF) ends the reading of its file.
     */
    public List<Job> replay(Function<String, Tube> tubes, long maxJobSize) {
        if (!enabled) {
            return List.of();
        }
        Map<Long, Job> live = new LinkedHashMap<>();
        Map<String, Tube> placeholders = new HashMap<>();
        try {
            for (Map.Entry<Integer, Path> entry : scan().entrySet()) {
                BinlogFile file = new BinlogFile(entry.getKey(), entry.getValue());
                files.addLast(file);
                read(file, live, placeholders, maxJobSize);
            }
            current = newFile();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the binlog in " + directory, e);
        }
        collectGarbage();
        for (Job j : live.values()) {
            j.tube = tubes.apply(j.tube.name);
        }
        return new ArrayList<>(live.values());
    }

    /** One more than the highest job id any full record held, deleted ones included. */
    public long nextId() {
        return nextId;
    }

    private TreeMap<Integer, Path> scan() throws IOException {
        TreeMap<Integer, Path> found = new TreeMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.forEach(path -> {
                String name = path.getFileName().toString();
                if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
                    try {
                        found.put(Integer.parseInt(name.substring(PREFIX.length())), path);
                    } catch (NumberFormatException notOurs) {
                        // not a binlog file
                    }
                }
            });
        }
        if (!found.isEmpty()) {
            nextSeq = found.lastKey() + 1;
        }
        return found;
    }

    private void read(BinlogFile file, Map<Long, Job> live, Map<String, Tube> tubes, long maxJobSize)
            throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file.path));
        try {
            if (b.remaining() < 4 || b.getInt() != Records.MAGIC) {
                LOG.warning(file.path + ": not a binlog of this server; skipped");
                return;
            }
            while (b.hasRemaining()) {
                byte type = b.get();
                if (type == Records.FULL) {
                    byte[] name = new byte[b.getShort()];
                    b.get(name);
                    Records.Fields fields = Records.Fields.read(b);
                    byte[] body = new byte[b.getInt()];
                    Job j = live.get(fields.id());
                    if (j == null) {
                        if (body.length > maxJobSize) {
                            LOG.warning(file.path + ": job " + Long.toUnsignedString(fields.id()) + " is too big ("
                                    + body.length + " > " + maxJobSize + "); skipping the rest of this file");
                            return;
                        }
                        b.get(body);
                        Tube tube = tubes.computeIfAbsent(new String(name, StandardCharsets.US_ASCII), Tube::new);
                        j = new Job(fields.id(), tube, 0, 0, 0, body, fields.createdAt());
                        live.put(j.id, j);
                        if (Long.compareUnsigned(fields.id(), nextId) >= 0) {
                            nextId = fields.id() + 1;
                        }
                    } else {
                        b.position(b.position() + body.length);
                    }
                    fields.applyTo(j);
                    if (j.state == JobState.INVALID) {
                        live.remove(j.id);
                        removeJob(j, false);
                        continue;
                    }
                    removeJob(j, false);
                    addJob(file, j, 1L + 2 + name.length + Records.FIELDS + 4 + body.length);
                } else if (type == Records.SHORT) {
                    Records.Fields fields = Records.Fields.read(b);
                    Job j = live.get(fields.id());
                    if (j == null) {
                        continue;
                    }
                    fields.applyTo(j);
                    if (j.state == JobState.INVALID) {
                        live.remove(j.id);
                        removeJob(j, false);
                    }
                } else {
                    if (type != 0) {
                        LOG.warning(file.path + ": unknown record type " + type + "; skipping the rest of this file");
                    }
                    return;
                }
            }
        } catch (BufferUnderflowException | IllegalStateException truncated) {
            LOG.warning(file.path + ": truncated record at the end; the rest of this file is skipped");
        }
    }

    /**
     * beanstalkd's {@code walwrite}: a full record the first time a job is logged, a short one afterwards; a job
     * written in state {@link JobState#INVALID} is a delete. Returns false when the log failed and was turned off.
     */
    public boolean write(Job j) {
        if (!enabled) {
            return true;
        }
        recordsWritten++;
        boolean full = j.binlogFile == null;
        ByteBuffer record = full ? Records.full(j) : Records.brief(j);
        try {
            if (current.size + record.remaining() > fileSize && current.size > 4) {
                BinlogFile old = current;
                current = newFile();
                closeForWriting(old);
            }
            while (record.hasRemaining()) {
                current.size += current.channel.write(record);
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "binlog write failed; the binlog is off from now on", e);
            enabled = false;
            return false;
        }
        if (full) {
            addJob(current, j, record.limit());
        }
        if (j.state == JobState.INVALID) {
            removeJob(j, true);
        }
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
                    current.channel.force(false);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "fsync failed", e);
                }
            }
        }
    }

    private long ratio() {
        if (alive == 0) {
            return 0;
        }
        return (files.size() * fileSize - alive) / alive;
    }

    private void moveOne() {
        BinlogFile head = files.peekFirst();
        if (head == null || head == current || secondOf(files) == current) {
            return;
        }
        Iterator<Job> jobs = head.jobs.iterator();
        if (!jobs.hasNext()) {
            return;
        }
        Job j = jobs.next();
        removeJob(j, true);
        recordsMigrated++;
        write(j);
    }

    private static BinlogFile secondOf(Deque<BinlogFile> files) {
        Iterator<BinlogFile> it = files.iterator();
        it.next();
        return it.hasNext() ? it.next() : null;
    }

    private void addJob(BinlogFile file, Job j, long bytes) {
        j.binlogFile = file;
        j.binlogSeq = file.seq;
        j.binlogBytes = bytes;
        file.jobs.add(j);
        file.refs++;
        alive += bytes;
    }

    private void removeJob(Job j, boolean collect) {
        if (!(j.binlogFile instanceof BinlogFile file)) {
            return;
        }
        file.jobs.remove(j);
        file.refs--;
        alive -= j.binlogBytes;
        j.binlogFile = null;
        j.binlogSeq = 0;
        j.binlogBytes = 0;
        if (collect && file.refs < 1) {
            collectGarbage();
        }
    }

    private BinlogFile newFile() throws IOException {
        int seq = nextSeq++;
        BinlogFile file = new BinlogFile(seq, directory.resolve(PREFIX + seq));
        file.channel = FileChannel.open(file.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        ByteBuffer header = ByteBuffer.allocate(4).putInt(Records.MAGIC).flip();
        while (header.hasRemaining()) {
            file.size += file.channel.write(header);
        }
        file.refs = 1;
        files.addLast(file);
        return file;
    }

    private void closeForWriting(BinlogFile file) throws IOException {
        if (syncRateNanos >= 0) {
            file.channel.force(false);
        }
        file.channel.close();
        file.channel = null;
        file.refs--;
        if (file.refs < 1) {
            collectGarbage();
        }
    }

    private void collectGarbage() {
        while (!files.isEmpty() && files.peekFirst().refs < 1) {
            BinlogFile head = files.removeFirst();
            try {
                if (head.channel != null) {
                    head.channel.close();
                }
                Files.deleteIfExists(head.path);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot delete " + head.path, e);
            }
        }
    }

    public int oldestIndex() {
        return enabled && !files.isEmpty() ? files.peekFirst().seq : 0;
    }

    public int currentIndex() {
        return enabled && current != null ? current.seq : 0;
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

    /** Flushes and closes the current file and releases the directory lock. */
    @Override
    public void close() {
        try {
            if (current != null && current.channel != null) {
                if (syncRateNanos >= 0) {
                    current.channel.force(false);
                }
                current.channel.close();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot close the binlog", e);
        }
    }
}
