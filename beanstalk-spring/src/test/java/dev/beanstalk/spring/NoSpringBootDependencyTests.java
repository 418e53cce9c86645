package dev.beanstalk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The framework module runs in a plain Spring application: what it brings to an application's compile and runtime
 * classpath (listed by maven-dependency-plugin at build time) has no Spring Boot jar.
 */
class NoSpringBootDependencyTests {

    @ParameterizedTest
    @ValueSource(strings = {"compile.txt", "runtime.txt"})
    void hasNoSpringBootJar(String listing) throws IOException {
        List<String> jars = classpath(listing);

        assertThat(jars).anyMatch(jar -> jar.contains("spring-context"));
        assertThat(jars).noneMatch(jar -> jar.replace(File.separatorChar, '/').contains("/org/springframework/boot/"));
    }

    private static List<String> classpath(String listing) throws IOException {
        String directory = System.getProperty("classpath.directory");
        assertThat(directory).as("classpath.directory, set by the build").isNotNull();
        String content = Files.readString(Path.of(directory, listing));
        return Arrays.asList(content.strip().split(File.pathSeparator));
    }
}
