package dev.beanstalk.embedded.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One conformance scenario from a {@code conformance/*.txt} file: server options and steps, each a line of the DSL.
 *
 * <pre>
 * === name                  starts a scenario
 * server -z 10 | binlog     options of both servers; unix: both listen on a UNIX socket (replacing a stale one)
 * c1&gt; bytes               sends on connection c1 (opened on first use)
 * c1&lt; bytes               expects exactly these bytes next
 * c1&lt; [0.8..1.6] bytes    ... arriving within that many seconds after the previous step
 * c1? [s]                   captures what arrives until the line is quiet (waiting up to s seconds for a first
 *                           byte and for gaps); compared between the two servers
 * c1? 3 age                 ... with the values of the named YAML keys masked (timing-dependent across restarts)
 * c1- 0.5                   expects nothing for 0.5 s
 * c1~ REGEX                 expects what arrives until the line is quiet (waiting up to 3 s) to match the regex
 * ls                        captures the binlog directory: each file's name and size
 * run FLAGS =&gt; OUTCOME      starts the server binary with flags; see {@link Launches}
 * c1 eof | close | shutdown expects the server to close | closes | half-closes (SHUT_WR)
 * sleep 1.5 | restart | kill | drain
 * </pre>
 *
 * In bytes, {@code \r \n \t \0 \\ \xHH} are escapes and {@code {216*0}} repeats {@code 0} 216 times.
 */
record Scenario(String file, String name, List<String> options, List<Step> steps) {

    /** One line of a scenario. */
    record Step(int line, String connection, String action, byte[] bytes, double from, double to, String text) {
    }

    static List<Scenario> parse(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Scenario> scenarios = new ArrayList<>();
        String file = path.getFileName().toString();
        String name = null;
        List<String> options = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("=== ")) {
                if (name != null) {
                    scenarios.add(new Scenario(file, name, options, steps));
                }
                name = line.substring(4).trim();
                options = new ArrayList<>();
                steps = new ArrayList<>();
                continue;
            }
            if (name == null) {
                throw new IllegalArgumentException(file + ":" + number + ": a step before the first === line");
            }
            if (line.startsWith("server ")) {
                options.addAll(List.of(line.substring(7).trim().split("\\s+")));
            } else {
                steps.add(step(file, number, line));
            }
        }
        if (name != null) {
            scenarios.add(new Scenario(file, name, options, steps));
        }
        return scenarios;
    }

    private static Step step(String file, int number, String line) {
        String[] words = line.split(" ", 2);
        String head = words[0];
        String rest = words.length > 1 ? words[1] : "";
        switch (head) {
            case "sleep":
                return new Step(number, null, "sleep", null, Double.parseDouble(rest.trim()), 0, line);
            case "restart", "kill", "drain", "ls":
                return new Step(number, null, head, null, 0, 0, line);
            case "run":
                return new Step(number, null, "run", null, 0, 0, rest);
            default:
                break;
        }
        if (!head.startsWith("c")) {
            throw new IllegalArgumentException(file + ":" + number + ": cannot read " + line);
        }
        char kind = head.charAt(head.length() - 1);
        if (kind == '~') {
            return new Step(number, head.substring(0, head.length() - 1), "~", null, 0, 3, rest);
        }
        if (kind == '>' || kind == '<' || kind == '?' || kind == '-') {
            String connection = head.substring(0, head.length() - 1);
            double from = 0;
            double to = 5;
            if (kind == '<' && rest.startsWith("[")) {
                int close = rest.indexOf(']');
                String[] range = rest.substring(1, close).split("\\.\\.");
                from = Double.parseDouble(range[0]);
                to = Double.parseDouble(range[1]);
                rest = rest.substring(close + 1).stripLeading();
            }
            if (kind == '-') {
                to = rest.isBlank() ? 0.5 : Double.parseDouble(rest.trim());
                return new Step(number, connection, "-", null, 0, to, line);
            }
            if (kind == '?') {
                String[] words2 = rest.isBlank() ? new String[0] : rest.trim().split("\\s+");
                to = words2.length == 0 ? 0 : Double.parseDouble(words2[0]);
                String masked = words2.length > 1 ? String.join(" ", List.of(words2).subList(1, words2.length)) : "";
                return new Step(number, connection, "?", null, 0, to, masked);
            }
            return new Step(number, connection, String.valueOf(kind), unescape(rest), from, to, line);
        }
        if (rest.equals("eof") || rest.equals("close") || rest.equals("shutdown")) {
            return new Step(number, head, rest, null, 0, 0, line);
        }
        throw new IllegalArgumentException(file + ":" + number + ": cannot read " + line);
    }

    static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && text.indexOf('*', i) > i && text.indexOf('}', i) > text.indexOf('*', i)) {
                int star = text.indexOf('*', i);
                int end = text.indexOf('}', i);
                int count = Integer.parseInt(text.substring(i + 1, star));
                byte[] unit = unescape(text.substring(star + 1, end));
                for (int k = 0; k < count; k++) {
                    out.writeBytes(unit);
                }
                i = end;
            } else if (c == '\\' && i + 1 < text.length()) {
                char e = text.charAt(++i);
                switch (e) {
                    case 'r' -> out.write('\r');
                    case 'n' -> out.write('\n');
                    case 't' -> out.write('\t');
                    case '0' -> out.write(0);
                    case '\\' -> out.write('\\');
                    case 'x' -> {
                        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + text);
                }
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return file + " / " + name;
    }
}
