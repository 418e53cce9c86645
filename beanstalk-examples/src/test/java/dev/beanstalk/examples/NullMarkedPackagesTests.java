package dev.beanstalk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every package of the client and the Spring modules is {@code @NullMarked}, as Spring Framework 7's are. */
class NullMarkedPackagesTests {

    @ParameterizedTest
    @ValueSource(strings = {"beanstalk-client", "beanstalk-spring", "beanstalk-spring-boot-autoconfigure",
        "beanstalk-dashboard"})
    void everyPackageIsNullMarked(String module) throws IOException {
        Set<String> packages = packages(Poms.root().resolve(module).resolve("target/classes"));
        assertThat(packages).isNotEmpty();

        assertThat(packages).allSatisfy(name -> assertThat(nullMarked(name))
                .as("%s/src/main/java/%s/package-info.java is @NullMarked", module, name.replace('.', '/'))
                .isTrue());
    }

    private static boolean nullMarked(String name) {
        try {
            return Class.forName(name + ".package-info").isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Set<String> packages(Path classes) throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file.getParent()).toString().replace(file.getFileSystem()
                            .getSeparator(), "."))
                    .forEach(packages::add);
        }
        return packages;
    }
}
