package dev.beanstalk.client.internal.codec;

import dev.beanstalk.client.BeanstalkProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads replies from the server with bounds: a line longer than {@link #MAX_LINE} or a data block longer than the
 * caller's limit is a protocol error, never an unbounded allocation.
 *
 * <p>After {@link #nextLine()} the current line is held in the buffer and inspected in place.
 */
public final class ReplyReader {

    /** The longest reply line this client accepts, CRLF included; the longest legal one is {@code USING <200>}. */
    public static final int MAX_LINE = 512;

    private final InputStream in;
    private byte[] buffer;
    private int position;
    private int limit;
    private int lineStart;
    private int lineEnd;
    private int fieldEnd;

    public ReplyReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[Math.max(bufferSize, MAX_LINE)];
    }

    /** Whether a whole line is already buffered, so that reading it will not block. */
    public boolean hasBufferedLine() {
        for (int i = position; i + 1 < limit; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Reads the next CRLF-terminated line. */
    public void nextLine() throws IOException {
        int scanFrom = position;
        while (true) {
            for (int i = scanFrom; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    if (i + 2 - position > MAX_LINE) {
                        throw tooLong();
                    }
                    lineStart = position;
                    lineEnd = i;
                    position = i + 2;
                    return;
                }
            }
            if (limit - position >= MAX_LINE) {
                throw tooLong();
            }
            scanFrom = Math.max(position, limit - 1);
            int shift = position;
            fill();
            scanFrom -= shift;
        }
    }

    /** Whether the current line is exactly {@code expected}. */
    public boolean lineIs(byte[] expected) {
        return lineEnd - lineStart == expected.length && regionMatches(expected);
    }

    /** Whether the current line starts with {@code prefix}. */
    public boolean lineStartsWith(byte[] prefix) {
        return lineEnd - lineStart >= prefix.length && regionMatches(prefix);
    }

    /** The current line's length. */
    public int lineLength() {
        return lineEnd - lineStart;
    }

    /** The current line as text, for messages and string replies. */
    public String line() {
        return new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
    }

    /** The current line from {@code offset} to its end, as text. */
    public String lineFrom(int offset) {
        return new String(buffer, lineStart + offset, lineEnd - lineStart - offset, StandardCharsets.ISO_8859_1);
    }

    /**
     * Parses the unsigned decimal that starts at {@code offset} of the current line and ends at a space or the line's
     * end; returns the number and stores where it ended for {@link #fieldEnd()}.
     */
    public long unsignedAt(int offset) {
        int i = lineStart + offset;
        int start = i;
        long value = 0;
        while (i < lineEnd && buffer[i] != ' ') {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9 || Long.compareUnsigned(value, 0x1999_9999_9999_9999L) > 0) {
                throw malformed();
            }
            long next = value * 10 + digit;
            if (Long.compareUnsigned(next, value) < 0) {
                throw malformed();
            }
            value = next;
            i++;
        }
        if (i == start) {
            throw malformed();
        }
        fieldEnd = i - lineStart;
        return value;
    }

    /** Where the number parsed last ended, relative to the line's start. */
    public int fieldEnd() {
        return fieldEnd;
    }

    /** Requires that the last parsed number ends the line. */
    public void requireLineEnd() {
        if (lineStart + fieldEnd != lineEnd) {
            throw malformed();
        }
    }

    /** Reads a data block of {@code length} bytes and its CRLF, refusing blocks longer than {@code maxLength}. */
    public byte[] readBlock(long length, long maxLength) throws IOException {
        if (length < 0 || length > maxLength) {
            throw new BeanstalkProtocolException("reply announces " + Long.toUnsignedString(length)
                    + " bytes of data, more than the limit of " + maxLength + " bytes");
        }
        byte[] data = new byte[(int) length];
        int copied = Math.min(limit - position, data.length);
        System.arraycopy(buffer, position, data, 0, copied);
        position += copied;
        while (copied < data.length) {
            int n = in.read(data, copied, data.length - copied);
            if (n < 0) {
                throw new EOFException("connection closed in the middle of a " + length + "-byte reply");
            }
            copied += n;
        }
        while (limit - position < 2) {
            fill();
        }
        if (buffer[position] != '\r' || buffer[position + 1] != '\n') {
            throw new BeanstalkProtocolException("data block of " + length + " bytes is not followed by CRLF");
        }
        position += 2;
        return data;
    }

    private boolean regionMatches(byte[] expected) {
        return Arrays.equals(buffer, lineStart, lineStart + expected.length, expected, 0, expected.length);
    }

    private BeanstalkProtocolException tooLong() {
        return new BeanstalkProtocolException("reply line longer than " + MAX_LINE + " bytes: '"
                + new String(buffer, position, 60, StandardCharsets.ISO_8859_1) + "...'");
    }

    /** A protocol error naming the current line. */
    public BeanstalkProtocolException malformed() {
        return new BeanstalkProtocolException("malformed reply '" + line() + "'");
    }

    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            throw new EOFException("connection closed by the server");
        }
        limit += n;
    }
}
