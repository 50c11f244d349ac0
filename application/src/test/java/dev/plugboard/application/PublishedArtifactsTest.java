package dev.plugboard.application;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps plugboard-bom, which has no parent (an imported BOM would bring the parent's dependency
 * management along), in step with the build: same version and metadata, and it manages exactly the
 * modules that publish themselves (publish.metadata.skip false, which the enforcer checks for metadata).
 */
class PublishedArtifactsTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void givenTheBom_itsVersionAndMetadata_areTheParentPoms() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        Element bom = pom(ROOT.resolve("bom/pom.xml"));

        assertThat(metadata(bom)).isEqualTo(metadata(parent)).doesNotContainValue("");
    }

    @Test
    void givenThePublishedModules_theBom_managesEachOfThemAndNothingElse() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        List<String> published = new ArrayList<>();
        for (Element module : children(child(parent, "modules"), "module")) {
            Element pom = pom(ROOT.resolve(module.getTextContent()).resolve("pom.xml"));
            Element properties = child(pom, "properties");
            if (properties != null && "false".equals(text(properties, "publish.metadata.skip"))) {
                published.add(text(pom, "artifactId"));
            }
        }
        Element bom = pom(ROOT.resolve("bom/pom.xml"));
        List<String> managed = children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency").stream()
                .filter(dependency -> text(dependency, "type").isEmpty())
                .map(dependency -> text(dependency, "artifactId")).toList();

        assertThat(published).contains("plugboard-plugin-api", "plugboard-domain", "plugboard-application");
        assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
    }

    private static Map<String, String> metadata(Element pom) {
        Element scm = child(pom, "scm");
        return Map.of("version", text(pom, "version"), "url", text(pom, "url"),
                "license", text(child(child(pom, "licenses"), "license"), "name"),
                "developer", text(child(child(pom, "developers"), "developer"), "name"),
                "scm.url", text(scm, "url"), "scm.connection", text(scm, "connection"));
    }

    private static Element pom(Path file) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    private static String text(Element element, String name) {
        Element child = child(element, name);
        return child == null ? "" : child.getTextContent().strip();
    }

    private static Element child(Element element, String name) {
        List<Element> found = children(element, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element element, String name) {
        NodeList nodes = element.getChildNodes();
        return IntStream.range(0, nodes.getLength()).mapToObj(nodes::item)
                .filter(node -> node.getNodeType() == Node.ELEMENT_NODE && node.getNodeName().equals(name))
                .map(Element.class::cast).toList();
    }
}
