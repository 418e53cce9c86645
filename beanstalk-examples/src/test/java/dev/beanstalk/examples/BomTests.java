package dev.beanstalk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The BOM holds every artifact a user depends on, at the project's one version. */
class BomTests {

    /** Modules that are built here but not published for users. */
    private static final Set<String> NOT_PUBLISHED =
            Set.of("beanstalk-bom", "sample-app", "beanstalk-benchmarks", "beanstalk-examples");

    @Test
    void managesEveryPublishedModule() {
        List<String> published = Poms.all(Poms.read(Poms.root().resolve("pom.xml")), "module").stream()
                .filter(module -> !NOT_PUBLISHED.contains(module))
                .toList();

        assertThat(Poms.bomArtifacts()).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void hasTheProjectVersionAndNoParent() {
        Document parent = Poms.read(Poms.root().resolve("pom.xml"));
        Document bom = Poms.read(Poms.root().resolve("beanstalk-bom/pom.xml"));

        assertThat(Poms.top(bom, "version")).isEqualTo(Poms.top(parent, "version"));
        assertThat(bom.getDocumentElement().getElementsByTagName("parent").getLength()).isZero();
        assertThat(Poms.all(bom, "version").subList(1, Poms.all(bom, "version").size()))
                .containsOnly("${project.version}");
    }
}
