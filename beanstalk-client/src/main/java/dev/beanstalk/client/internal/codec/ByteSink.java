package dev.beanstalk.client.internal.codec;

import java.util.Arrays;

/** A growable byte buffer that commands encode into without intermediate strings. */
public final class ByteSink {

    private static final byte[] CRLF = {'\r', '\n'};

    private byte[] bytes;
    private int size;

    public ByteSink(int initialCapacity) {
        this.bytes = new byte[initialCapacity];
    }

    public ByteSink write(byte[] data) {
        return write(data, 0, data.length);
    }

    public ByteSink write(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
        return this;
    }

    public ByteSink writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
        return this;
    }

    /** Writes an ASCII string, such as a tube name that was validated to hold only ASCII characters. */
    public ByteSink writeAscii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Writes the value in decimal, unsigned: negative longs are ids above {@link Long#MAX_VALUE}. */
    public ByteSink writeUnsigned(long value) {
        if (value < 0) {
            return writeAscii(Long.toUnsignedString(value));
        }
        ensure(20);
        if (value == 0) {
            bytes[size++] = '0';
            return this;
        }
        int digits = 0;
        for (long v = value; v != 0; v /= 10) {
            digits++;
        }
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size = end;
        return this;
    }

    public ByteSink crlf() {
        return write(CRLF);
    }

    public ByteSink space() {
        return writeByte(' ');
    }

    public byte[] array() {
        return bytes;
    }

    public int size() {
        return size;
    }

    /** Drops everything written after the first {@code mark} bytes. */
    public void truncate(int mark) {
        if (mark < 0 || mark > size) {
            throw new IllegalArgumentException("mark " + mark + " is outside the " + size + " bytes written");
        }
        size = mark;
    }

    public void reset() {
        size = 0;
    }

    /** Drops a large array left by a large job, so that one big put does not pin its buffer for the connection's life. */
    public void trim(int maxRetained) {
        if (bytes.length > maxRetained && size <= maxRetained) {
            bytes = Arrays.copyOf(bytes, maxRetained);
        }
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
