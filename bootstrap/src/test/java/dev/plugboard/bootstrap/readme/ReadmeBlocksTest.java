package dev.plugboard.bootstrap.readme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README convention itself: which blocks count as checked, skipped or unchecked, and how outputs match. */
class ReadmeBlocksTest {

    @Test
    void givenAShellBlockWithNeitherOutputNorSkipMarker_whenParsed_thenItIsReportedUnchecked() {
        ReadmeBlocks page = ReadmeBlocks.parse("""
                Text.

                ```bash
                echo checked
                ```
                ```text
                checked
                ```

                <!-- readme-test: skip: needs the release archive -->
                ```sh
                tar -xzf plugboard.tar.gz
                ```

                ```bash
                echo forgotten
                ```

                Prose between a block and its output breaks the link:

                ```bash
                echo separated
                ```

                Some prose.

                ```text
                separated
                ```
                """);

        assertThat(page.blocks()).hasSize(4);
        assertThat(page.runnable()).extracting(ReadmeBlocks.ShellBlock::script)
                .containsExactly("echo checked\n", "echo forgotten\n", "echo separated\n");
        assertThat(page.blocks().get(1).skipReason()).contains("needs the release archive");
        assertThat(page.unchecked()).extracting(ReadmeBlocks.ShellBlock::line).as("the line of each opening fence").containsExactly(15, 21);
    }

    @Test
    void givenAnExpectedOutputWithEllipses_whenMatched_thenOnlyTheWrittenTextMustAppear() {
        ExpectedOutput expected = new ExpectedOutput("""
                HTTP/1.1 201 Created
                ETag: "0"
                ...

                {"id":"...","status":"pending",...}
                """);

        assertThat(expected.matches("HTTP/1.1 201 Created\r\nETag: \"0\"\r\ndate: now\r\nX-Request-Id: 1\r\n\r\n"
                + "{\"id\":\"42\",\"status\":\"pending\",\"input\":{}}")).isTrue();
        assertThat(expected.matches("HTTP/1.1 201 Created\r\nETag: \"0\"\r\n\r\n{\"id\":\"42\",\"status\":\"pending\",\"x\":1}"))
                .as("a line of ... may stand for no line").isTrue();
        assertThat(expected.matches("HTTP/1.1 201 Created\r\nETag: \"0\"\r\n\r\n{\"id\":\"42\",\"status\":\"pending\"}"))
                .as("the text around ... must all be there, the comma too").isFalse();
        assertThat(expected.matches("HTTP/1.1 201 Created\r\nETag: \"1\"\r\n\r\n{\"id\":\"42\",\"status\":\"pending\",\"x\":1}"))
                .as("a stale ETag").isFalse();
        assertThat(expected.matches("HTTP/1.1 201 Created\r\nETag: \"0\"\r\n\r\n{\"id\":\"42\",\n\"status\":\"pending\",\"x\":1}"))
                .as("... within a line does not cross lines").isFalse();
        assertThat(new ExpectedOutput("{\"totalMessages\":1}").matches("{\"totalMessages\":0}")).isFalse();
    }
}
