package dev.plugboard.domain.run;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the lifecycle diagram in docs/execution.md generated from {@link RunTransitions}: the
 * Mermaid block between the markers must be exactly what the table renders to. When the table
 * changes, paste the expected text this test prints into the document.
 */
class RunLifecycleDiagramTest {

    static final String BEGIN = "<!-- BEGIN generated from RunTransitions by RunLifecycleDiagramTest -->";
    static final String END = "<!-- END generated -->";

    /** The table as a Mermaid state diagram: one arrow per (status, event) pair, labelled with the event. */
    static String render() {
        String arrows = RunTransitions.table().entrySet().stream()
                .map(move -> "    " + move.getKey().from().wireName() + " --> " + move.getValue().wireName() + ": "
                        + move.getKey().event().wireName())
                .collect(Collectors.joining("\n"));
        String ends = Arrays.stream(RunStatus.values()).filter(RunStatus::isTerminal)
                .map(status -> "    " + status.wireName() + " --> [*]").collect(Collectors.joining("\n"));
        return "```mermaid\nstateDiagram-v2\n    [*] --> pending: start\n" + arrows + "\n" + ends + "\n```";
    }

    @Test
    void givenTheTransitionTable_docsExecutionMd_showsItAsGenerated() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "execution.md"));
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/execution.md has the marker " + BEGIN).isNotNegative();
        assertThat(end).as("docs/execution.md has the marker " + END).isGreaterThan(begin);

        String shown = doc.substring(begin + BEGIN.length(), end).strip();

        assertThat(shown).as("the diagram in docs/execution.md; replace it with the expected text").isEqualTo(render());
    }
}
