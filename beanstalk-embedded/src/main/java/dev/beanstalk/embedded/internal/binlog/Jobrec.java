package dev.beanstalk.embedded.internal.binlog;

import dev.beanstalk.embedded.internal.queue.Job;
import dev.beanstalk.embedded.internal.queue.JobState;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The records of beanstalkd's binlog, version 7, as beanstalkd 1.12 writes them on x86_64 Linux: its {@code Jobrec}
 * struct in native (little-endian) layout, 80 bytes with the C compiler's padding, preceded by the tube name's
 * length as a 4-byte int. A full record (length &gt; 0) carries the tube name after the length and the body (with its
 * CRLF) after the struct; a short record (length 0) carries the struct alone.
 *
 * <pre>
 * offset  0 id u64        8 pri u32      12 (pad)      16 delay i64 ns   24 ttr i64 ns
 *        32 body_size i32 36 (pad)      40 created_at i64 ns            48 deadline_at i64 ns
 *        56 reserve_ct   60 timeout_ct  64 release_ct  68 bury_ct   72 kick_ct (u32 each)
 *        76 state u8     77 (pad to 80)
 * </pre>
 */
final class Jobrec {

    /** The version number a binlog file starts with. */
    static final int VERSION = 7;
    /** beanstalkd before 1.11: times in microseconds, an 8-byte name length, a 77-byte struct (no tail padding). */
    static final int VERSION_5 = 5;
    static final int SIZE = 80;
    static final int SIZE_V5 = 77;
    static final int LENGTH_FIELD = 4;
    /** What a short record takes, and so what is reserved for each later change of a job. */
    static final int SHORT_RECORD = LENGTH_FIELD + SIZE;
    /** beanstalkd's MAX_TUBE_NAME_LEN: a name is shorter. */
    static final int MAX_NAME_LENGTH = 201;

    private Jobrec() {
    }

    /** The bytes of {@code j}'s full record: its first in a file. */
    static int fullSize(Job j) {
        return LENGTH_FIELD + j.tube.nameBytes.length + SIZE + j.body.length;
    }

    static ByteBuffer full(Job j) {
        byte[] name = j.tube.nameBytes;
        ByteBuffer b = ByteBuffer.allocate(fullSize(j)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(name.length).put(name);
        struct(b, j);
        return b.put(j.body).flip();
    }

    static ByteBuffer brief(Job j) {
        ByteBuffer b = ByteBuffer.allocate(SHORT_RECORD).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0);
        struct(b, j);
        return b.flip();
    }

    private static void struct(ByteBuffer b, Job j) {
        int at = b.position();
        b.putLong(at, j.id)
                .putInt(at + 8, (int) j.pri)
                .putLong(at + 16, j.delay)
                .putLong(at + 24, j.ttr)
                .putInt(at + 32, j.body.length)
                .putLong(at + 40, j.createdAt)
                .putLong(at + 48, j.deadlineAt)
                .putInt(at + 56, (int) j.reserves)
                .putInt(at + 60, (int) j.timeouts)
                .putInt(at + 64, (int) j.releases)
                .putInt(at + 68, (int) j.buries)
                .putInt(at + 72, (int) j.kicks)
                .put(at + 76, (byte) j.state.ordinal());
        b.position(at + SIZE);
    }

    /** One struct as read back; {@code state} is the raw byte, which may be one this server does not know. */
    record Fields(long id, long pri, long delay, long ttr, int bodySize, long createdAt, long deadlineAt,
            long reserves, long timeouts, long releases, long buries, long kicks, int state) {

        /** Reads the struct at the buffer's position (little-endian) and moves past it. */
        static Fields read(ByteBuffer b) {
            return read(b, SIZE, 1);
        }

        /** Reads a version-5 struct: the same offsets, 77 bytes, and times in microseconds made nanoseconds. */
        static Fields readV5(ByteBuffer b) {
            return read(b, SIZE_V5, 1000);
        }

        private static Fields read(ByteBuffer b, int size, long toNanos) {
            int at = b.position();
            b.position(at + size);
            return new Fields(b.getLong(at), u32(b, at + 8), b.getLong(at + 16) * toNanos,
                    b.getLong(at + 24) * toNanos, b.getInt(at + 32), b.getLong(at + 40) * toNanos,
                    b.getLong(at + 48) * toNanos, u32(b, at + 56), u32(b, at + 60), u32(b, at + 64),
                    u32(b, at + 68), u32(b, at + 72), b.get(at + 76) & 0xFF);
        }

        private static long u32(ByteBuffer b, int at) {
            return Integer.toUnsignedLong(b.getInt(at));
        }

        /** Copies the fields onto {@code j}; a reserved job comes back ready, as in beanstalkd. */
        void applyTo(Job j) {
            j.pri = pri;
            j.delay = delay;
            j.ttr = ttr;
            j.createdAt = createdAt;
            j.deadlineAt = deadlineAt;
            j.state = state == JobState.RESERVED.ordinal() ? JobState.READY : JobState.values()[state];
            j.reserves = reserves;
            j.timeouts = timeouts;
            j.releases = releases;
            j.buries = buries;
            j.kicks = kicks;
        }
    }

    static String name(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
