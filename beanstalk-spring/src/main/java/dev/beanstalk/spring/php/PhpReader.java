package dev.beanstalk.spring.php;

import dev.beanstalk.spring.core.JobConversionException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one value of PHP's {@code serialize()} format, bounded by the data's own size: no length, count or nesting
 * is believed beyond what the remaining bytes can hold.
 */
final class PhpReader {

    /** The smallest element of an array or object: a key {@code i:0;} and a value {@code N;}. */
    private static final int MIN_ELEMENT_BYTES = 6;

    private final byte[] data;
    private final int maxDepth;
    private final List<Object> slots = new ArrayList<>();
    private final List<Long> weights = new ArrayList<>();
    private final BitSet open = new BitSet();
    private final long maxValues;
    private long values;
    private int pos;
    private int depth;

    PhpReader(byte[] data, int maxDepth) {
        this.data = data;
        this.maxDepth = maxDepth;
        this.maxValues = Math.max(10_000, data.length);
    }

    Object readAll() {
        if (data.length == 0) {
            throw fail("no data: an empty string is not a serialized value");
        }
        Object value = value();
        if (pos != data.length) {
            throw fail((data.length - pos) + " bytes follow the serialized value");
        }
        return value;
    }

    private Object value() {
        int start = pos;
        byte type = next();
        return switch (type) {
            case 'N' -> push(nullValue());
            case 'b' -> push(bool());
            case 'i' -> push(integer(';'));
            case 'd' -> push(floating());
            case 's' -> push(string(';'));
            case 'a' -> array();
            case 'O' -> object();
            case 'E' -> push(enumCase());
            case 'r' -> reference(true);
            case 'R' -> reference(false);
            case 'C' -> throw failAt(start, "a custom-serialized object (C:, a class implementing Serializable)"
                    + " cannot be read; only plain objects (O:)");
            default -> throw failAt(start, "unknown type '" + printable(type) + "'");
        };
    }

    private Object nullValue() {
        expect(';');
        return null;
    }

    private Boolean bool() {
        expect(':');
        int at = pos;
        byte digit = next();
        if (digit != '0' && digit != '1') {
            throw failAt(at, "a boolean is b:0; or b:1;");
        }
        expect(';');
        return digit == '1';
    }

    private Long integer(char end) {
        expect(':');
        int at = pos;
        String text = token(end);
        if (!text.matches("[+-]?[0-9]{1,20}")) {
            throw failAt(at, "'" + text + "' is not an integer");
        }
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw failAt(at, "integer " + text + " does not fit 64 bits");
        }
    }

    private Double floating() {
        expect(':');
        int at = pos;
        String text = token(';');
        return switch (text) {
            case "INF" -> Double.POSITIVE_INFINITY;
            case "-INF" -> Double.NEGATIVE_INFINITY;
            case "NAN" -> Double.NaN;
            default -> {
                if (text.length() > 400 || !text.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                    throw failAt(at, "'" + text + "' is not a float");
                }
                yield Double.parseDouble(text);
            }
        };
    }

    private String string(char end) {
        expect(':');
        int length = length(':');
        expect('"');
        int at = pos;
        ensure(length, "a string of " + length + " bytes");
        pos += length;
        expect('"');
        expect(end);
        return utf8(at, length);
    }

    private Map<Object, Object> array() {
        long start = values;
        int slot = open();
        expect(':');
        int count = count(':');
        expect('{');
        Map<Object, Object> elements = new LinkedHashMap<>();
        descend();
        for (int i = 0; i < count; i++) {
            int at = pos;
            Object key = key();
            if (elements.containsKey(key)) {
                throw failAt(at, "array key " + key + " appears twice");
            }
            elements.put(key, value());
        }
        depth--;
        expect('}');
        return close(slot, start, Collections.unmodifiableMap(elements));
    }

    private PhpObject object() {
        long start = values;
        int slot = open();
        expect(':');
        String className = className();
        expect(':');
        int count = count(':');
        expect('{');
        Map<String, Object> properties = new LinkedHashMap<>();
        descend();
        for (int i = 0; i < count; i++) {
            int at = pos;
            if (next() != 's') {
                throw failAt(at, "a property name of " + className + " must be a string");
            }
            String name = unmangle(at, string(';'));
            properties.putIfAbsent(name, value());
        }
        depth--;
        expect('}');
        return close(slot, start, new PhpObject(className, properties));
    }

    private PhpEnum enumCase() {
        int at = pos + 1;
        String text = string(';');
        int colon = text.indexOf(':');
        try {
            return new PhpEnum(text.substring(0, Math.max(0, colon)), text.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw failAt(at, "'" + text + "' is not an enum case Class:Case");
        }
    }

    /**
     * {@code r:n;} or {@code R:n;}: the n-th value read (from 1), which must be complete; it counts as all the values
     * it holds, so that references cannot expand a small input into a huge tree.
     */
    private Object reference(boolean pushed) {
        int at = pos - 1;
        long index = integer(';');
        if (index < 1 || index > slots.size()) {
            throw failAt(at, "reference " + index + " points to none of the " + slots.size() + " values read so far");
        }
        if (open.get((int) index - 1)) {
            throw failAt(at, "reference " + index + " points to a value that contains it (a cycle)");
        }
        long weight = weights.get((int) index - 1);
        count(at, weight);
        Object value = slots.get((int) index - 1);
        if (pushed) {
            slots.add(value);
            weights.add(weight);
        }
        return value;
    }

    private Object key() {
        int at = pos;
        return switch (next()) {
            case 'i' -> integer(';');
            case 's' -> string(';');
            default -> throw failAt(at, "an array key must be an integer or a string");
        };
    }

    private String className() {
        int length = length(':');
        expect('"');
        int at = pos;
        ensure(length, "a class name of " + length + " bytes");
        pos += length;
        expect('"');
        String name = utf8(at, length);
        if (!PhpSerialization.isClassName(name)) {
            throw failAt(at, "'" + name + "' is not a PHP class name");
        }
        return name;
    }

    /** {@code \0*\0name} (protected) and {@code \0Class\0name} (private) become {@code name}. */
    private String unmangle(int at, String name) {
        if (name.isEmpty() || name.charAt(0) != '\0') {
            return name;
        }
        int end = name.indexOf('\0', 1);
        if (end < 0 || end == name.length() - 1) {
            throw failAt(at, "property name '" + name.replace('\0', '~') + "' is mangled wrongly (\\0Class\\0name)");
        }
        return name.substring(end + 1);
    }

    private int open() {
        count(pos - 1, 1);
        slots.add(null);
        weights.add(1L);
        open.set(slots.size() - 1);
        return slots.size() - 1;
    }

    private <T> T close(int slot, long start, T value) {
        slots.set(slot, value);
        weights.set(slot, values - start);
        open.clear(slot);
        return value;
    }

    private <T> T push(T value) {
        count(pos - 1, 1);
        slots.add(value);
        weights.add(1L);
        return value;
    }

    private void count(int at, long more) {
        values += more;
        if (values > maxValues) {
            throw failAt(at, "the data expands to more than " + maxValues + " values (references repeat values)");
        }
    }

    private void descend() {
        if (++depth > maxDepth) {
            throw fail("nesting deeper than " + maxDepth + " arrays and objects");
        }
    }

    private int count(char end) {
        int at = pos;
        long count = size(end);
        if (count * MIN_ELEMENT_BYTES > data.length - pos) {
            throw failAt(at, "a count of " + count + " elements cannot fit the " + (data.length - pos)
                    + " bytes left");
        }
        return (int) count;
    }

    private int length(char end) {
        int at = pos;
        long length = size(end);
        if (length > data.length - pos) {
            throw failAt(at, "a length of " + length + " is more than the " + (data.length - pos) + " bytes left");
        }
        return (int) length;
    }

    private long size(char end) {
        int at = pos;
        String text = token(end);
        if (!text.matches("[0-9]{1,10}")) {
            throw failAt(at, "'" + text + "' is not a length");
        }
        return Long.parseLong(text);
    }

    /** The ASCII text up to {@code end}, which is consumed; at most 400 bytes. */
    private String token(char end) {
        int start = pos;
        int limit = Math.min(data.length, pos + 401);
        while (pos < limit && data[pos] != end) {
            pos++;
        }
        if (pos == limit) {
            pos = start;
            throw fail(limit == data.length ? "truncated: no '" + end + "' follows"
                    : "no '" + end + "' within 400 bytes");
        }
        String text = new String(data, start, pos - start, StandardCharsets.ISO_8859_1);
        pos++;
        return text;
    }

    private String utf8(int at, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data, at, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw failAt(at, "a string of " + length + " bytes is not UTF-8");
        }
    }

    private void ensure(int length, String what) {
        if (length > data.length - pos) {
            throw fail("truncated: " + what + " needs more than the " + (data.length - pos) + " bytes left");
        }
    }

    private void expect(char expected) {
        int at = pos;
        byte actual = next();
        if (actual != expected) {
            throw failAt(at, "expected '" + expected + "' but found '" + printable(actual) + "'");
        }
    }

    private byte next() {
        if (pos >= data.length) {
            throw fail("truncated: the data ends after " + data.length + " bytes");
        }
        return data[pos++];
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff);
    }

    private JobConversionException fail(String rule) {
        return failAt(pos, rule);
    }

    private static JobConversionException failAt(int offset, String rule) {
        return new JobConversionException("Invalid PHP serialize() data at offset " + offset + ": " + rule);
    }
}
