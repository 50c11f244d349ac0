package dev.plugboard.bootstrap.readme;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the pages it leads to: every relative link names a file that exists, every page under
 * docs/ can be reached from the README by following links (directly or through linked pages), and every
 * path of the checkout the README names in code ({@code examples/...}, {@code plugins/...}) exists. The
 * files its shell blocks use are checked by running them (ReadmeShellBlocksTest).
 */
class ReadmeLinksTest {

    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    /** A code span that names a file or folder of the checkout, such as {@code examples/worker-python/worker.py}. */
    private static final Pattern CHECKOUT_PATH = Pattern.compile("(examples|plugins|docs|bench|distribution|\\.ci)/[\\w./-]+");

    @Test
    void givenTheReadme_everyFileItNamesInCode_exists() throws IOException {
        List<String> named = new ArrayList<>();
        Parser.builder().build().parse(Files.readString(CHECKOUT.resolve("README.md"))).accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                if (CHECKOUT_PATH.matcher(code.getLiteral()).matches()) {
                    named.add(code.getLiteral());
                }
            }
        });

        assertThat(named).as("paths the README names").isNotEmpty();
        assertThat(named).as("paths the README names that do not exist")
                .filteredOn(path -> !Files.exists(CHECKOUT.resolve(path))).isEmpty();
    }

    @Test
    void givenTheReadme_followingItsLinks_reachesEveryDocsPageAndNoMissingFile() throws IOException {
        Set<Path> reached = new LinkedHashSet<>();
        List<String> broken = new ArrayList<>();
        Deque<Path> pages = new ArrayDeque<>(List.of(CHECKOUT.resolve("README.md")));
        while (!pages.isEmpty()) {
            Path page = pages.pop();
            if (!reached.add(page)) {
                continue;
            }
            for (String target : relativeLinks(page)) {
                Path file = page.resolveSibling(URI.create(target.replace(" ", "%20")).getPath()).normalize();
                if (!Files.exists(file)) {
                    broken.add(CHECKOUT.relativize(page) + " -> " + target);
                } else if (file.toString().endsWith(".md") && file.startsWith(CHECKOUT)) {
                    pages.add(file);
                }
            }
        }

        assertThat(broken).as("links to files that do not exist").isEmpty();
        try (Stream<Path> docs = Files.walk(CHECKOUT.resolve("docs"))) {
            assertThat(docs.filter(path -> path.toString().endsWith(".md")).map(Path::normalize)
                    .filter(page -> !reached.contains(page)).map(CHECKOUT::relativize).toList())
                    .as("docs pages the README does not lead to").isEmpty();
        }
    }

    /** The page's links that point into the checkout: not absolute URLs, not anchors within the page. */
    private static List<String> relativeLinks(Path page) throws IOException {
        List<String> links = new ArrayList<>();
        Parser.builder().build().parse(Files.readString(page)).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                String destination = link.getDestination();
                if (!destination.isEmpty() && !destination.startsWith("#") && !destination.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
                    links.add(destination.replaceFirst("#.*$", ""));
                }
                visitChildren(link);
            }
        });
        return links;
    }
}
