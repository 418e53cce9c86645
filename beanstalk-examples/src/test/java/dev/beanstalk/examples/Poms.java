package dev.beanstalk.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads the build's poms, for the tests that hold the BOM and the documentation to them. */
final class Poms {

    private Poms() {
    }

    /** The project's root directory, as the build passes it. */
    static Path root() {
        String root = System.getProperty("project.root");
        if (root == null) {
            throw new IllegalStateException("project.root is not set; run the tests through Maven");
        }
        return Path.of(root);
    }

    static Document read(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Cannot read " + pom, e);
        }
    }

    /** The text of the first child element {@code name} of the document's root, such as its version. */
    static String top(Document pom, String name) {
        NodeList children = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().strip();
            }
        }
        throw new IllegalStateException("No <" + name + "> in " + pom.getDocumentURI());
    }

    /** The texts of every element {@code name}, in document order. */
    static List<String> all(Document pom, String name) {
        NodeList nodes = pom.getElementsByTagName(name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    /** The artifacts the BOM manages. */
    static List<String> bomArtifacts() {
        return all(read(root().resolve("beanstalk-bom/pom.xml")), "artifactId").stream()
                .filter(artifact -> !artifact.equals("beanstalk-bom"))
                .toList();
    }
}
