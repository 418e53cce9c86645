package dev.beanstalk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of the README and docs/ quotes a region of an example this module compiles, and quotes it as it
 * is: a block follows an {@code <!-- example: path#tag -->} comment naming one or more regions (paths below
 * {@code dev/beanstalk/examples} in the main or test sources), each marked {@code // tag::tag[]} ...
 * {@code // end::tag[]}.
 */
class DocumentationSnippetsTests {

    private static final Pattern REGION_MARK = Pattern.compile("\\s*// (tag|end)::[\\w-]+\\[]\\s*");

    @Test
    void everyJavaBlockQuotesACompiledExample() throws IOException {
        List<Markdown.CodeBlock> blocks = Markdown.codeBlocks("java");
        assertThat(blocks).isNotEmpty();

        for (Markdown.CodeBlock block : blocks) {
            assertThat(block.example()).as("%s: a Java block names the example it quotes", block.where())
                    .isNotNull();
            List<String> regions = new ArrayList<>();
            for (String example : block.example().split(",")) {
                regions.add(region(example, block.where()));
            }
            assertThat(block.text().stripTrailing()).as("%s quotes %s", block.where(), block.example())
                    .isEqualTo(String.join("\n\n", regions));
        }
    }

    @Test
    void regionsAreFoundAndDedented() throws IOException {
        assertThat(region("client/ClientExamples.java#produce", "here")).startsWith("try (BeanstalkClient")
                .endsWith("\n}");
    }

    private static String region(String example, String where) throws IOException {
        String[] parts = example.split("#", 2);
        assertThat(parts).as("%s: %s is path#tag", where, example).hasSize(2);
        Path file = source(parts[0]);
        assertThat(file).as("%s: the example %s", where, parts[0]).isRegularFile();
        List<String> lines = Files.readAllLines(file);
        int start = lines.indexOf(lines.stream().filter(line -> line.strip().equals("// tag::" + parts[1] + "[]"))
                .findFirst().orElseThrow(() -> new AssertionError(where + ": no tag " + parts[1] + " in " + file)));
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).strip().equals("// end::" + parts[1] + "[]")) {
            end++;
        }
        assertThat(end).as("%s: the end of %s", where, example).isLessThan(lines.size());
        List<String> region = lines.subList(start + 1, end).stream()
                .filter(line -> !REGION_MARK.matcher(line).matches())
                .toList();
        int indent = region.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return String.join("\n", region.stream()
                .map(line -> line.isBlank() ? "" : line.substring(indent).stripTrailing()).toList());
    }

    private static Path source(String path) {
        Path src = Poms.root().resolve("beanstalk-examples/src");
        Path main = src.resolve("main/java/dev/beanstalk/examples").resolve(path);
        return Files.exists(main) ? main : src.resolve("test/java/dev/beanstalk/examples").resolve(path);
    }
}
