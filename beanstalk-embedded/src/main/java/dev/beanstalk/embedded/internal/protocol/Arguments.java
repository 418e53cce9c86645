package dev.beanstalk.embedded.internal.protocol;

/**
 * Reads the arguments of one command line with the C library's rules that beanstalkd relies on: {@code read_u64} /
 * {@code read_u32} (spaces, then digits, no sign), {@code strtoul} for {@code kick}, {@code strtol} for
 * {@code reserve-with-timeout}. One instance per connection, reused for every line, so parsing allocates nothing.
 */
public final class Arguments {

    private static final long U32_MAX = 0xFFFF_FFFFL;

    private byte[] line;
    private int position;
    private int end;
    private long value;
    private long digits;

    /** Starts reading {@code line[from, to)}. */
    public Arguments reset(byte[] line, int from, int to) {
        this.line = line;
        this.position = from;
        this.end = to;
        return this;
    }

    /** The value of the last successful read; unsigned for u64. */
    public long value() {
        return value;
    }

    public int position() {
        return position;
    }

    public boolean atEnd() {
        return position == end;
    }

    /** beanstalkd's {@code read_u64}; with {@code last}, nothing may follow the number. */
    public boolean readU64(boolean last) {
        return readUnsigned(last, -1L);
    }

    /** beanstalkd's {@code read_u32}. */
    public boolean readU32(boolean last) {
        return readUnsigned(last, U32_MAX);
    }

    private boolean readUnsigned(boolean last, long max) {
        int p = position;
        while (p < end && line[p] == ' ') {
            p++;
        }
        if (p == end || !isDigit(line[p])) {
            return false;
        }
        int after = unsignedDigits(p);
        if (after < 0 || (last && after != end) || Long.compareUnsigned(digits, max) > 0) {
            return false;
        }
        value = digits;
        position = after;
        return true;
    }

    /**
     * C's {@code strtoul} as {@code kick} uses it: leading white space, a sign, digits, anything after; false when no
     * digit was found or the value overflows 64 bits. The value is then truncated to 32 bits as an {@code uint}.
     */
    public boolean readKickBound() {
        int p = skipCSpace(position);
        boolean negative = false;
        if (p < end && (line[p] == '+' || line[p] == '-')) {
            negative = line[p] == '-';
            p++;
        }
        if (p == end || !isDigit(line[p])) {
            return false;
        }
        int after = unsignedDigits(p);
        if (after < 0) {
            return false;
        }
        value = (negative ? -digits : digits) & U32_MAX;
        position = after;
        return true;
    }

    /**
     * C's {@code strtol} as beanstalkd 1.12's {@code reserve-with-timeout} uses it, stored in an {@code int}: no digits
     * mean 0, trailing text is ignored, and only overflow of a 64-bit long fails. The value wraps to 32 bits.
     */
    public boolean readReserveTimeout() {
        int p = skipCSpace(position);
        boolean negative = false;
        if (p < end && (line[p] == '+' || line[p] == '-')) {
            negative = line[p] == '-';
            p++;
        }
        long result = 0;
        boolean overflow = false;
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        while (p < end && isDigit(line[p])) {
            int digit = line[p] - '0';
            // accumulate negatively, as C libraries do, to reach Long.MIN_VALUE
            if (result < (limit + digit) / 10) {
                overflow = true;
            }
            result = result * 10 - digit;
            p++;
        }
        if (overflow) {
            return false;
        }
        value = (int) (negative ? result : -result);
        return true;
    }

    /**
     * beanstalkd's {@code read_tube_name}: skips spaces and takes the longest run of name characters; false when the run
     * is empty. {@link #value()} is then the start of the name and {@link #position()} its end.
     */
    public boolean readTubeName() {
        int p = position;
        while (p < end && line[p] == ' ') {
            p++;
        }
        int start = p;
        while (p < end && TubeNames.isNameChar(line[p])) {
            p++;
        }
        if (p == start) {
            return false;
        }
        value = start;
        position = p;
        return true;
    }

    /** Reads the digits from {@code p} as an unsigned 64-bit number into {@link #digits}; where they end, or -1 on overflow. */
    private int unsignedDigits(int p) {
        long result = 0;
        boolean overflow = false;
        while (p < end && isDigit(line[p])) {
            int digit = line[p] - '0';
            if (Long.compareUnsigned(result, Long.divideUnsigned(-1L - digit, 10)) > 0) {
                overflow = true;
            }
            result = result * 10 + digit;
            p++;
        }
        digits = result;
        return overflow ? -1 : p;
    }

    private int skipCSpace(int p) {
        while (p < end && (line[p] == ' ' || (line[p] >= '\t' && line[p] <= '\r'))) {
            p++;
        }
        return p;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
