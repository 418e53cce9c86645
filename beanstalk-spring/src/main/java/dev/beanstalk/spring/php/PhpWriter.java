package dev.beanstalk.spring.php;

import dev.beanstalk.spring.core.JobConversionException;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes values in PHP's {@code serialize()} format, as PHP 8 writes them; objects' properties go as public. */
final class PhpWriter {

    /** A string key PHP itself would store as an integer key. */
    private static final Pattern INTEGER_KEY = Pattern.compile("0|-?[1-9][0-9]{0,18}");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Set<Object> path = Collections.newSetFromMap(new IdentityHashMap<>());
    private final int maxDepth;

    PhpWriter(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    byte[] write(Object value) {
        value(value);
        return out.toByteArray();
    }

    private void value(Object value) {
        if (value == null) {
            ascii("N;");
        } else if (value instanceof Boolean bool) {
            ascii(bool ? "b:1;" : "b:0;");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            ascii("i:" + value + ";");
        } else if (value instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw new JobConversionException("Integer " + big + " does not fit PHP's 64-bit int");
            }
            ascii("i:" + big + ";");
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            ascii("d:" + floating(((Number) value).doubleValue()) + ";");
        } else if (value instanceof CharSequence || value instanceof Character) {
            string(value.toString());
            ascii(";");
        } else if (value instanceof PhpEnum phpEnum) {
            byte[] name = (phpEnum.className() + ":" + phpEnum.caseName()).getBytes(StandardCharsets.UTF_8);
            ascii("E:" + name.length + ":\"");
            out.writeBytes(name);
            ascii("\";");
        } else {
            container(value);
        }
    }

    private void container(Object value) {
        if (!path.add(value)) {
            throw new JobConversionException("A " + value.getClass().getName() + " contains itself; PHP"
                    + " serialization of a cycle is not supported");
        }
        if (path.size() > maxDepth) {
            throw new JobConversionException("The value nests deeper than " + maxDepth + " arrays and objects");
        }
        if (value instanceof PhpObject object) {
            ascii("O:");
            byte[] name = object.className().getBytes(StandardCharsets.UTF_8);
            ascii(name.length + ":\"");
            out.writeBytes(name);
            ascii("\":" + object.properties().size() + ":{");
            object.properties().forEach((key, property) -> {
                string(key);
                ascii(";");
                value(property);
            });
            ascii("}");
        } else if (value instanceof Map<?, ?> map) {
            ascii("a:" + map.size() + ":{");
            map.forEach((key, element) -> {
                key(key);
                value(element);
            });
            ascii("}");
        } else {
            List<Object> list = list(value);
            ascii("a:" + list.size() + ":{");
            for (int i = 0; i < list.size(); i++) {
                ascii("i:" + i + ";");
                value(list.get(i));
            }
            ascii("}");
        }
        path.remove(value);
    }

    private static List<Object> list(Object value) {
        List<Object> list = new ArrayList<>();
        if (value instanceof Iterable<?> iterable) {
            iterable.forEach(list::add);
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(Array.get(value, i));
            }
        } else {
            throw new JobConversionException("Cannot write a " + value.getClass().getName() + " in PHP's serialize()"
                    + " format; only null, booleans, numbers, strings, maps, lists, PhpObject and PhpEnum");
        }
        return list;
    }

    private void key(Object key) {
        if (key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte) {
            ascii("i:" + key + ";");
        } else if (key instanceof CharSequence text) {
            String string = text.toString();
            if (INTEGER_KEY.matcher(string).matches() && isLong(string)) {
                ascii("i:" + string + ";");
            } else {
                string(string);
                ascii(";");
            }
        } else {
            throw new JobConversionException("A PHP array key must be an integer or a string, not "
                    + (key == null ? "null" : key.getClass().getName()));
        }
    }

    private static boolean isLong(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** As PHP's serialize_precision -1: the shortest text that reads back as the same double. */
    static String floating(double value) {
        if (Double.isNaN(value)) {
            return "NAN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "INF" : "-INF";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (value == 0 && 1 / value < 0) ? "-0" : Long.toString((long) value);
        }
        String text = Double.toString(value);
        int exponent = text.indexOf('E');
        if (exponent < 0) {
            return text;
        }
        String mantissa = text.substring(0, exponent);
        String power = text.substring(exponent + 1);
        return mantissa + "E" + (power.startsWith("-") ? power : "+" + power);
    }

    private void string(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ascii("s:" + bytes.length + ":\"");
        out.writeBytes(bytes);
        ascii("\"");
    }

    private void ascii(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
