package dev.beanstalk.embedded.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What an {@code ls} step captures: the binlog directory's files with their sizes, by name. */
final class Binlogs {

    private Binlogs() {
    }

    static String listing(Path directory) {
        if (directory == null) {
            return "no binlog";
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().map(Binlogs::entry).collect(Collectors.joining(" "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String entry(Path file) {
        try {
            return file.getFileName() + ":" + Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
