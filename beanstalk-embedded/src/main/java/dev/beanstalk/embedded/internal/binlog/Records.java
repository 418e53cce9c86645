package dev.beanstalk.embedded.internal.binlog;

import dev.beanstalk.embedded.internal.queue.Job;
import dev.beanstalk.embedded.internal.queue.JobState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The record layout of this server's binlog (not beanstalkd's). A full record carries the tube name and the body; a
 * short one only the job's fields, written on every later change, as beanstalkd's {@code Jobrec}.
 */
final class Records {

    static final int MAGIC = 0x42534A31; // "BSJ1"
    static final byte FULL = 'F';
    static final byte SHORT = 'S';
    static final int FIELDS = 8 + 8 + 8 + 8 + 8 + 8 + 1 + 5 * 8;

    private Records() {
    }

    static ByteBuffer full(Job j) {
        byte[] name = j.tube.name.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(1 + 2 + name.length + FIELDS + 4 + j.body.length);
        b.put(FULL).putShort((short) name.length).put(name);
        fields(b, j);
        b.putInt(j.body.length).put(j.body);
        return b.flip();
    }

    static ByteBuffer brief(Job j) {
        ByteBuffer b = ByteBuffer.allocate(1 + FIELDS);
        b.put(SHORT);
        fields(b, j);
        return b.flip();
    }

    private static void fields(ByteBuffer b, Job j) {
        b.putLong(j.id).putLong(j.pri).putLong(j.delay).putLong(j.ttr).putLong(j.createdAt).putLong(j.deadlineAt)
                .put((byte) j.state.ordinal())
                .putLong(j.reserves).putLong(j.timeouts).putLong(j.releases).putLong(j.buries).putLong(j.kicks);
    }

    /** The fields of a record as read back, before they are applied to a job. */
    record Fields(long id, long pri, long delay, long ttr, long createdAt, long deadlineAt, JobState state,
            long reserves, long timeouts, long releases, long buries, long kicks) {

        static Fields read(ByteBuffer b) {
            long id = b.getLong();
            long pri = b.getLong();
            long delay = b.getLong();
            long ttr = b.getLong();
            long createdAt = b.getLong();
            long deadlineAt = b.getLong();
            int state = b.get();
            if (state < 0 || state >= JobState.values().length) {
                throw new IllegalStateException("bad state " + state);
            }
            return new Fields(id, pri, delay, ttr, createdAt, deadlineAt, JobState.values()[state],
                    b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong());
        }

        void applyTo(Job j) {
            j.pri = pri;
            j.delay = delay;
            j.ttr = ttr;
            j.createdAt = createdAt;
            j.deadlineAt = deadlineAt;
            j.state = state == JobState.RESERVED ? JobState.READY : state;
            j.reserves = reserves;
            j.timeouts = timeouts;
            j.releases = releases;
            j.buries = buries;
            j.kicks = kicks;
        }
    }
}
