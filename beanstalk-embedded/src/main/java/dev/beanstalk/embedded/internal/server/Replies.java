package dev.beanstalk.embedded.internal.server;

import dev.beanstalk.embedded.internal.protocol.ReplyBuffer;
import dev.beanstalk.embedded.internal.queue.Job;
import dev.beanstalk.embedded.internal.queue.Multiset;
import dev.beanstalk.embedded.internal.queue.Tube;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The replies of the protocol, word for word as beanstalkd writes them, and the queue of connections that have news
 * for the event loop (a reply to write, or a state that changed).
 */
final class Replies {

    static final byte[] NOT_FOUND = ascii("NOT_FOUND\r\n");
    static final byte[] DEADLINE_SOON = ascii("DEADLINE_SOON\r\n");
    static final byte[] TIMED_OUT = ascii("TIMED_OUT\r\n");
    static final byte[] DELETED = ascii("DELETED\r\n");
    static final byte[] RELEASED = ascii("RELEASED\r\n");
    static final byte[] BURIED = ascii("BURIED\r\n");
    static final byte[] KICKED = ascii("KICKED\r\n");
    static final byte[] TOUCHED = ascii("TOUCHED\r\n");
    static final byte[] PAUSED = ascii("PAUSED\r\n");
    static final byte[] NOT_IGNORED = ascii("NOT_IGNORED\r\n");
    static final byte[] INTERNAL_ERROR = ascii("INTERNAL_ERROR\r\n");
    static final byte[] DRAINING = ascii("DRAINING\r\n");
    static final byte[] OUT_OF_MEMORY = ascii("OUT_OF_MEMORY\r\n");
    static final byte[] BAD_FORMAT = ascii("BAD_FORMAT\r\n");
    static final byte[] UNKNOWN_COMMAND = ascii("UNKNOWN_COMMAND\r\n");
    static final byte[] EXPECTED_CRLF = ascii("EXPECTED_CRLF\r\n");
    static final byte[] JOB_TOO_BIG = ascii("JOB_TOO_BIG\r\n");
    static final byte[] INSERTED_ = ascii("INSERTED ");
    static final byte[] RESERVED_ = ascii("RESERVED ");
    static final byte[] FOUND_ = ascii("FOUND ");
    static final byte[] USING_ = ascii("USING ");
    static final byte[] WATCHING_ = ascii("WATCHING ");
    static final byte[] KICKED_ = ascii("KICKED ");

    private final ArrayDeque<Client> dirty = new ArrayDeque<>();

    /** The next connection with news, or {@code null}. */
    Client poll() {
        Client c = dirty.poll();
        if (c != null) {
            c.dirty = false;
        }
        return c;
    }

    void reply(Client c, byte[] message) {
        c.out.append(message);
        markDirty(c);
    }

    void replyJob(Client c, Job j, byte[] word) {
        c.out.append(word).appendUnsigned(j.id).append(' ').appendUnsigned(j.size()).crlf().append(j.body);
        markDirty(c);
    }

    void replyJobOrNotFound(Client c, Job j, byte[] word) {
        if (j == null) {
            reply(c, NOT_FOUND);
        } else {
            replyJob(c, j, word);
        }
    }

    void replyYaml(Client c, String yaml) {
        byte[] body = yaml.getBytes(StandardCharsets.ISO_8859_1);
        ReplyBuffer out = c.out;
        out.append("OK ").appendUnsigned(body.length).crlf().append(body).crlf();
        markDirty(c);
    }

    static String listTubes(Multiset<Tube> list) {
        StringBuilder yaml = new StringBuilder("---\n");
        for (int i = 0; i < list.size(); i++) {
            yaml.append("- ").append(list.get(i).name).append('\n');
        }
        return yaml.toString();
    }

    void markDirty(Client c) {
        if (!c.dirty) {
            c.dirty = true;
            dirty.add(c);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
