package dev.beanstalk.client.internal.codec;

import java.io.InputStream;
import java.util.Arrays;

/**
 * An input stream over fixed bytes that never returns more than one chunk per read: the chunks end at the given split
 * points, so a reader sees a reply arrive exactly as split. Then it reports end of stream.
 */
public final class ChunkedInputStream extends InputStream {

    private final byte[] data;
    private final int[] splits;
    private int position;
    private int reads;

    /** Splits {@code data} at each of the ascending offsets in {@code splits}. */
    public ChunkedInputStream(byte[] data, int... splits) {
        this.data = data.clone();
        this.splits = splits.clone();
        Arrays.sort(this.splits);
    }

    /** One byte per read. */
    public static ChunkedInputStream byteByByte(byte[] data) {
        int[] splits = new int[Math.max(0, data.length - 1)];
        for (int i = 0; i < splits.length; i++) {
            splits[i] = i + 1;
        }
        return new ChunkedInputStream(data, splits);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position >= data.length) {
            return -1;
        }
        int end = data.length;
        for (int split : splits) {
            if (split > position) {
                end = Math.min(end, split);
                break;
            }
        }
        int n = Math.min(length, end - position);
        System.arraycopy(data, position, buffer, offset, n);
        position += n;
        reads++;
        return n;
    }

    /** How many bytes were handed out so far. */
    public int consumed() {
        return position;
    }

    /** How many reads returned data. */
    public int reads() {
        return reads;
    }
}
