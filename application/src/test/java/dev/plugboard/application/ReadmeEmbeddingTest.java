package dev.plugboard.application;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps docs/embedding.md's example (linked from the README) identical to the code examples/embedding runs against the built jars. */
class ReadmeEmbeddingTest {

    @Test
    void givenTheEmbeddingExample_readme_showsExactlyTheCodeTheBuildRuns() throws IOException {
        String source = Files.readString(Path.of("../examples/embedding/src/test/java/dev/plugboard/example/embedding/EmbeddingExampleTest.java"));
        String example = source.substring(source.indexOf("// README:embedding:start\n") + "// README:embedding:start\n".length(),
                source.indexOf("        // README:embedding:end"));
        String dedented = example.lines().map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("../docs/embedding.md"));

        assertThat(readme).as("docs/embedding.md embedding block; regenerate it from examples/embedding's EmbeddingExampleTest").contains(dedented);
    }
}
