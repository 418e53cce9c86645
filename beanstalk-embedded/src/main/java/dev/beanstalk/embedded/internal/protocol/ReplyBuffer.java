package dev.beanstalk.embedded.internal.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The bytes waiting to be written to one connection, with ASCII helpers so replies are formatted in place. */
public final class ReplyBuffer {

    private static final byte[] CRLF = {'\r', '\n'};

    private byte[] bytes = new byte[4096];
    private int start;
    private int end;

    public int pending() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }

    public ReplyBuffer append(byte[] data) {
        return append(data, 0, data.length);
    }

    public ReplyBuffer append(byte[] data, int from, int length) {
        ensure(length);
        System.arraycopy(data, from, bytes, end, length);
        end += length;
        return this;
    }

    public ReplyBuffer append(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            bytes[end++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    public ReplyBuffer append(char c) {
        ensure(1);
        bytes[end++] = (byte) c;
        return this;
    }

    /** Appends {@code value} in decimal, read as unsigned. */
    public ReplyBuffer appendUnsigned(long value) {
        if (value < 0) {
            return append(Long.toUnsignedString(value));
        }
        ensure(20);
        if (value == 0) {
            bytes[end++] = '0';
            return this;
        }
        int digits = 0;
        for (long v = value; v != 0; v /= 10) {
            digits++;
        }
        int p = end + digits;
        for (long v = value; v != 0; v /= 10) {
            bytes[--p] = (byte) ('0' + (v % 10));
        }
        end += digits;
        return this;
    }

    public ReplyBuffer crlf() {
        return append(CRLF);
    }

    /** A view of the pending bytes for a channel write; call {@link #consumed(int)} with what was written. */
    public ByteBuffer view() {
        return ByteBuffer.wrap(bytes, start, end - start);
    }

    public void consumed(int count) {
        start += count;
        if (start == end) {
            start = 0;
            end = 0;
            if (bytes.length > (1 << 20)) {
                bytes = new byte[4096];
            }
        }
    }

    @Override
    public String toString() {
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private void ensure(int extra) {
        if (end + extra <= bytes.length) {
            return;
        }
        if (start > 0) {
            System.arraycopy(bytes, start, bytes, 0, end - start);
            end -= start;
            start = 0;
            if (end + extra <= bytes.length) {
                return;
            }
        }
        long wanted = Math.max((long) bytes.length * 2, (long) end + extra);
        bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
    }
}
