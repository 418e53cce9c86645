package dev.beanstalk.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A job as the server handed it out: its id and its body.
 *
 * <p>Ids are unsigned 64-bit numbers; {@link #idString()} prints them as the server does, even above
 * {@link Long#MAX_VALUE}. The body is the array the client read; it is not copied.
 */
public record Job(long id, byte[] body) {

    public Job {
        Objects.requireNonNull(body, "body");
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The id as the server writes it, unsigned decimal. */
    public String idString() {
        return Long.toUnsignedString(id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Job job && job.id == id && Arrays.equals(job.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(id) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "Job[id=" + idString() + ", " + body.length + " bytes]";
    }
}
