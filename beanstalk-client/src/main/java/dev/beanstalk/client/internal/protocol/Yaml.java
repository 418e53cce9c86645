package dev.beanstalk.client.internal.protocol;

import dev.beanstalk.client.BeanstalkProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the two YAML shapes beanstalkd writes, line by line and with every value kept as a string, so that numeric tube
 * names and 1.12's unquoted {@code os: #1 SMP} survive as written.
 */
public final class Yaml {

    private Yaml() {
    }

    /** Reads {@code ---\n- a\n- b\n} into its items. */
    public static List<String> list(byte[] body) {
        List<String> items = new ArrayList<>();
        for (String line : lines(body)) {
            if (!line.startsWith("- ")) {
                throw new BeanstalkProtocolException("malformed YAML list item '" + line + "'");
            }
            items.add(unquote(line.substring(2)));
        }
        return items;
    }

    /** Reads {@code ---\nkey: value\n} into an ordered map. */
    public static Map<String, String> map(byte[] body) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : lines(body)) {
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                throw new BeanstalkProtocolException("malformed YAML entry '" + line + "'");
            }
            entries.put(line.substring(0, colon), unquote(line.substring(colon + 2)));
        }
        return entries;
    }

    private static List<String> lines(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.startsWith("---\n")) {
            throw new BeanstalkProtocolException("YAML body does not start with '---': '" + abbreviate(text) + "'");
        }
        List<String> lines = new ArrayList<>();
        int start = 4;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                lines.add(text.substring(start, end));
            }
            start = end + 1;
        }
        return lines;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
