package dev.beanstalk.spring.php;

import dev.beanstalk.spring.core.JobConversionException;
import java.util.regex.Pattern;

/**
 * PHP's {@code serialize()} format, read and written: strings, ints, floats, bools, null, arrays, objects (with
 * their protected {@code \0*\0} and private {@code \0Class\0} property names made plain), enums and references.
 *
 * <p>Reading is strict and bounded: nesting deeper than the limit, a length or count larger than the data left,
 * references that expand the data to more values than its length in bytes (at least 10,000),
 * truncated or trailing data, a string that is not UTF-8, a reference to a value still being read (a cycle) and
 * custom-serialized {@code C:} objects are {@link JobConversionException}s naming the offset and the rule. Values
 * come back as {@code null}, {@code Boolean}, {@code Long}, {@code Double}, {@code String}, {@code Map} (an array,
 * keyed by {@code Long} and {@code String}), {@link PhpObject} and {@link PhpEnum}; nothing else is created. A
 * reference is the very value it names; of two properties with one plain name (a parent's private one and the
 * child's), the first is kept.
 */
public final class PhpSerialization {

    /** The deepest nesting of arrays and objects read or written unless told otherwise. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private static final Pattern CLASS_NAME = Pattern.compile(
            "[A-Za-z_\\x80-\\uffff][A-Za-z0-9_\\x80-\\uffff]*(\\\\[A-Za-z_\\x80-\\uffff][A-Za-z0-9_\\x80-\\uffff]*)*");

    private PhpSerialization() {
    }

    /** Reads one value, which must be all of {@code data}, nesting at most {@link #DEFAULT_MAX_DEPTH} deep. */
    public static Object unserialize(byte[] data) {
        return unserialize(data, DEFAULT_MAX_DEPTH);
    }

    /** Reads one value, which must be all of {@code data}, nesting at most {@code maxDepth} deep. */
    public static Object unserialize(byte[] data, int maxDepth) {
        return new PhpReader(data, maxDepth).readAll();
    }

    /**
     * Writes {@code value} as PHP's {@code serialize()} would: {@code null}, booleans, integral numbers, floating
     * numbers, {@code CharSequence}s, {@code Map}s and {@code Iterable}s or arrays (as PHP arrays), {@link PhpObject}
     * and {@link PhpEnum}.
     *
     * @throws JobConversionException for any other value, a cycle, or nesting deeper than {@link #DEFAULT_MAX_DEPTH}
     */
    public static byte[] serialize(Object value) {
        return new PhpWriter(DEFAULT_MAX_DEPTH).write(value);
    }

    /** Whether {@code name} is a valid fully qualified PHP class name, such as {@code App\Jobs\RegisterUser}. */
    public static boolean isClassName(String name) {
        return name != null && CLASS_NAME.matcher(name).matches();
    }

    static String requireClassName(String name) {
        if (!isClassName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a PHP class name (such as App\\Jobs\\Mail)");
        }
        return name;
    }
}
