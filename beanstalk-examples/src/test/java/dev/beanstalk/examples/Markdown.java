package dev.beanstalk.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The fenced code blocks of the project's documentation: the README and the pages under docs/. */
final class Markdown {

    private static final Pattern EXAMPLE = Pattern.compile("<!--\\s*example:\\s*(\\S+)\\s*-->");

    /**
     * A fenced block: its file and first line, its language, the example it quotes (from an
     * {@code <!-- example: path#tag -->} comment on the line before it), or null, and its text.
     */
    record CodeBlock(Path file, int line, String language, String example, String text) {

        String where() {
            return Poms.root().relativize(file) + ":" + line;
        }
    }

    private Markdown() {
    }

    /** README.md and every docs/*.md. */
    static List<Path> pages() {
        Path root = Poms.root();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.list(docs)) {
                files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }

    static List<CodeBlock> codeBlocks(Path page) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CodeBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            String language = line.substring(3).strip();
            String example = i > 0 ? example(lines.get(i - 1)) : null;
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            blocks.add(new CodeBlock(page, i + 1, language, example, String.join("\n", lines.subList(start, end))));
            i = end;
        }
        return blocks;
    }

    static List<CodeBlock> codeBlocks(String language) {
        return pages().stream().flatMap(page -> codeBlocks(page).stream())
                .filter(block -> block.language().equals(language))
                .toList();
    }

    private static String example(String line) {
        Matcher matcher = EXAMPLE.matcher(line.strip());
        return matcher.matches() ? matcher.group(1) : null;
    }
}
