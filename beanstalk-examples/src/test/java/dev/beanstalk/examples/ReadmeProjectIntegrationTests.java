package dev.beanstalk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;

/**
 * A new user's project, made of the documentation's Maven snippets (the BOM import and the dependencies, without
 * versions) and the Java examples the pages quote (main and test sources), compiles against the artifacts this build made: the Maven wrapper
 * builds it offline, with the jars and poms of this build in its own local repository and everything else read from
 * the build's.
 */
class ReadmeProjectIntegrationTests {

    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    @TempDir
    Path project;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void compilesFromTheSnippets() throws Exception {
        String bomImport = null;
        Map<String, String> dependencies = new LinkedHashMap<>();
        for (Markdown.CodeBlock block : Markdown.codeBlocks("xml")) {
            if (block.text().contains("<dependencyManagement>")) {
                assertThat(block.text()).as(block.where()).contains("<artifactId>beanstalk-bom</artifactId>");
                bomImport = block.text();
            } else if (block.text().strip().startsWith("<dependency>") && block.text().contains("dev.beanstalk")) {
                assertThat(block.text()).as(block.where() + ": a dependency whose version the BOM manages")
                        .doesNotContain("<version>");
                Matcher artifact = ARTIFACT.matcher(block.text());
                assertThat(artifact.find()).as(block.where()).isTrue();
                dependencies.putIfAbsent(artifact.group(1), block.text());
            }
        }
        assertThat(bomImport).as("the BOM import snippet").isNotNull();
        assertThat(dependencies).containsKeys("beanstalk-spring-boot-starter", "beanstalk-client",
                "beanstalk-embedded");

        Files.writeString(project.resolve("pom.xml"), pom(bomImport, dependencies.values()));
        Path examples = Poms.root().resolve("beanstalk-examples/src");
        copyTree(examples.resolve("main/java"), project.resolve("src/main/java"));
        for (Path quoted : testExamples(examples.resolve("test/java/dev/beanstalk/examples"))) {
            copyTree(quoted, project.resolve("src/test/java/dev/beanstalk/examples").resolve(quoted.getFileName()
                    .toString()));
        }
        Path repository = project.resolve("repository");
        stage(repository);

        Path log = project.resolve("build.log");
        Process maven = new ProcessBuilder(mvnw(), "-B", "-o", "-f", project.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + property("maven.repo.local"),
                "test-compile")
                .directory(Poms.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean exited = maven.waitFor(4, TimeUnit.MINUTES);
        if (!exited) {
            maven.destroyForcibly();
        }
        assertThat(exited && maven.exitValue() == 0).as("the project builds:%n%s", Files.readString(log)).isTrue();
        assertThat(project.resolve("target/classes/dev/beanstalk/examples/boot/SignUp.class")).exists();
        assertThat(project.resolve("target/test-classes/dev/beanstalk/examples/embedded/EmbeddedExamples.class"))
                .exists();
    }

    private String pom(String bomImport, Iterable<String> dependencies) {
        StringBuilder pom = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>readme-project</artifactId>
                  <version>1.0</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                """);
        pom.append(bomImport).append("\n  <dependencies>\n");
        for (String dependency : dependencies) {
            pom.append(dependency).append('\n');
        }
        // docs/failure-handling.md's putAfterCommit example is @Transactional, which an application's data starter
        // brings with spring-tx: the version this build resolved
        pom.append("""
                    <dependency>
                      <groupId>org.springframework</groupId>
                      <artifactId>spring-tx</artifactId>
                      <version>%s</version>
                    </dependency>
                """.formatted(SpringVersion.getVersion()));
        // docs/dashboard.md's Spring Security rule is a web application's, with its starters: the versions of this build
        for (String starter : List.of("spring-boot-starter-webmvc", "spring-boot-starter-security")) {
            pom.append("""
                        <dependency>
                          <groupId>org.springframework.boot</groupId>
                          <artifactId>%s</artifactId>
                          <version>%s</version>
                        </dependency>
                    """.formatted(starter, SpringBootVersion.getVersion()));
        }
        pom.append("""
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(property("maven-compiler-plugin.version")));
        return pom.toString();
    }

    /** Lays out this build's poms and jars as a Maven repository, as {@code mvn install} would. */
    private static void stage(Path repository) throws IOException {
        String version = property("project.version");
        Path root = Poms.root();
        put(repository, "beanstalk-parent", version, root.resolve("pom.xml"), null);
        put(repository, "beanstalk-bom", version, root.resolve("beanstalk-bom/pom.xml"), null);
        for (String artifact : Poms.bomArtifacts()) {
            Path module = root.resolve(artifact);
            Path jar = module.resolve("target/" + artifact + "-" + version + ".jar");
            assertThat(jar).as("built by this build").exists();
            put(repository, artifact, version, module.resolve("pom.xml"), jar);
        }
    }

    private static void put(Path repository, String artifact, String version, Path pom, Path jar) throws IOException {
        Path directory = repository.resolve("dev/beanstalk").resolve(artifact).resolve(version);
        Files.createDirectories(directory);
        Files.copy(pom, directory.resolve(artifact + "-" + version + ".pom"));
        if (jar != null) {
            Files.copy(jar, directory.resolve(artifact + "-" + version + ".jar"));
        }
    }

    /** The test-side examples: the packages below this test's own, which holds the checks. */
    private static List<Path> testExamples(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String mvnw() {
        boolean windows = System.getProperty("os.name").toLowerCase().contains("win");
        return Poms.root().resolve(windows ? "mvnw.cmd" : "mvnw").toString();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as(name + ", set by the build").isNotNull();
        return value;
    }
}
