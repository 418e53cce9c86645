package dev.beanstalk.embedded.internal.binlog;

import dev.beanstalk.embedded.internal.queue.Job;
import dev.beanstalk.embedded.internal.queue.JobState;
import dev.beanstalk.embedded.internal.queue.Tube;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Replays binlog files, version 7 or the older 5, as beanstalkd's {@code fileread}/{@code readrec} do: records in order, a full record making or
 * moving a job, a short one updating it (ignored when its full record is in a deleted file), a delete dropping it,
 * and the first zero id (the pre-sized zeros) or a short read ending the file. A record that cannot be read, or a
 * body larger than {@code -z}, ends its file with an error, and the rest of the log is still read.
 */
final class BinlogReader {

    private static final Logger LOG = Logger.getLogger(BinlogReader.class.getName());
    private static final String PREFIX = "binlog.";

    private final BinlogFiles files;
    private final long maxJobSize;
    private final Map<Long, Job> live = new LinkedHashMap<>();
    private final Map<String, Tube> tubes = new HashMap<>();
    private long nextId = 1;
    private boolean failed;

    BinlogReader(BinlogFiles files, long maxJobSize) {
        this.files = files;
        this.maxJobSize = maxJobSize;
    }

    /** The files {@code binlog.N} from the lowest N to the highest, skipping missing numbers; sets the next N. */
    static List<BinlogFile> scan(Path directory, BinlogFiles chain) throws IOException {
        TreeMap<Integer, Path> found = new TreeMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.forEach(path -> {
                String name = path.getFileName().toString();
                if (name.startsWith(PREFIX) && name.length() > PREFIX.length()
                        && name.substring(PREFIX.length()).chars().allMatch(Character::isDigit)) {
                    try {
                        found.put(Integer.parseInt(name.substring(PREFIX.length())), path);
                    } catch (NumberFormatException notOurs) {
                        // too large for a binlog number
                    }
                }
            });
        }
        List<BinlogFile> files = new ArrayList<>();
        found.forEach((seq, path) -> files.add(new BinlogFile(seq, path)));
        chain.nextSeq(found.isEmpty() ? 1 : found.lastKey() + 1);
        return files;
    }

    void read(BinlogFile file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file.path)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 4) {
            warn(file, b, "unexpected EOF reading version");
            return;
        }
        int version = b.getInt();
        if (version != Jobrec.VERSION && version != Jobrec.VERSION_5) {
            LOG.warning(file.path + ": unknown version: " + version);
            failed = true;
            return;
        }
        files.retain(file);
        while (readRecord(file, b, version == Jobrec.VERSION_5)) {
            // one record after another
        }
        files.release(file);
    }

    /** One record; {@code v5} for beanstalkd's older format, an 8-byte name length and times in microseconds. */
    private boolean readRecord(BinlogFile file, ByteBuffer b, boolean v5) {
        if (b.remaining() < (v5 ? 8 : Jobrec.LENGTH_FIELD)) {
            return false;
        }
        int start = b.position();
        long nameLength = v5 ? b.getLong() : b.getInt();
        if (nameLength < 0 || nameLength >= Jobrec.MAX_NAME_LENGTH) {
            return fail(file, b, "namelen " + (v5 ? Long.toUnsignedString(nameLength) : nameLength)
                    + " is out of range");
        }
        if (b.remaining() < nameLength) {
            return fail(file, b, "unexpected EOF reading tube name");
        }
        byte[] name = new byte[(int) nameLength];
        b.get(name);
        if (b.remaining() < (v5 ? Jobrec.SIZE_V5 : Jobrec.SIZE)) {
            return fail(file, b, "unexpected EOF reading job struct");
        }
        Jobrec.Fields fields = v5 ? Jobrec.Fields.readV5(b) : Jobrec.Fields.read(b);
        if (fields.id() == 0) {
            return false;
        }
        Job j = live.get(fields.id());
        if (j == null && nameLength == 0) {
            return true;
        }
        if (fields.state() == JobState.INVALID.ordinal()) {
            if (j != null) {
                drop(j);
            }
            return true;
        }
        if (fields.state() > JobState.DELAYED.ordinal()) {
            return fail(file, b, "job " + Long.toUnsignedString(fields.id()) + " has unknown state " + fields.state(), j);
        }
        if (j == null) {
            if (Integer.toUnsignedLong(fields.bodySize()) > maxJobSize) {
                return fail(file, b, "job " + Long.toUnsignedString(fields.id()) + " is too big (" + fields.bodySize()
                        + " > " + maxJobSize + ")");
            }
            Tube tube = tubes.computeIfAbsent(Jobrec.name(name), Tube::new);
            j = new Job(fields.id(), tube, 0, 0, 0, new byte[fields.bodySize()], fields.createdAt());
            live.put(j.id, j);
            if (Long.compareUnsigned(j.id, nextId) >= 0) {
                nextId = j.id + 1;
            }
        }
        fields.applyTo(j);
        if (nameLength > 0) {
            if (fields.bodySize() != j.body.length || b.remaining() < j.body.length) {
                return fail(file, b, "unexpected EOF reading job body", j);
            }
            b.get(j.body);
            files.removeJob(j.binlogFile, j);
            files.addJob(file, j);
        }
        files.countAlive(j, b.position() - start);
        return true;
    }

    private boolean fail(BinlogFile file, ByteBuffer b, String message) {
        return fail(file, b, message, null);
    }

    private boolean fail(BinlogFile file, ByteBuffer b, String message, Job j) {
        warn(file, b, message);
        if (j != null) {
            drop(j);
        }
        return false;
    }

    private void warn(BinlogFile file, ByteBuffer b, String message) {
        LOG.warning(file.path + ":" + b.position() + ": " + message);
        failed = true;
    }

    private void drop(Job j) {
        live.remove(j.id);
        files.removeJob(j.binlogFile, j);
    }

    boolean failed() {
        return failed;
    }

    long nextId() {
        return nextId;
    }

    /** The live jobs in the order they first appeared, each moved to the engine's tube of the same name. */
    List<Job> liveJobs(Function<String, Tube> engineTubes) {
        List<Job> jobs = new ArrayList<>(live.values());
        for (Job j : jobs) {
            j.tube = engineTubes.apply(j.tube.name);
        }
        return jobs;
    }
}
