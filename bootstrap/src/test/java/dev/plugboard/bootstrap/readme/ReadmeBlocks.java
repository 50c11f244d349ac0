package dev.plugboard.bootstrap.readme;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell blocks of a Markdown page ({@code ```bash} and {@code ```sh} fences), in order, each with what
 * the page says about it. The convention, which README.md follows:
 * <ul>
 *   <li>a {@code ```text} block right after a shell block is the output the shell block prints
 *       ({@link ExpectedOutput}: {@code ...} stands for text that differs on every run);</li>
 *   <li>an HTML comment {@code <!-- readme-test: skip: REASON -->} right before a shell block keeps it
 *       from running (the build commands, the server itself); the reason is required;</li>
 *   <li>any other shell block is an error: each one is either checked or skipped for a stated reason.</li>
 * </ul>
 */
record ReadmeBlocks(List<ShellBlock> blocks) {

    private static final Pattern SKIP = Pattern.compile("<!--\\s*readme-test:\\s*skip:\\s*(\\S.*?)\\s*-->", Pattern.DOTALL);
    private static final List<String> SHELLS = List.of("bash", "sh");

    /** One shell block: its first line in the page (1-based), its script, and its expected output or skip reason. */
    record ShellBlock(int line, String script, Optional<String> expected, Optional<String> skipReason) {

        boolean runs() {
            return skipReason.isEmpty();
        }
    }

    static ReadmeBlocks parse(String markdown) {
        Node document = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build().parse(markdown);
        List<ShellBlock> blocks = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (SHELLS.contains(language(block))) {
                    blocks.add(new ShellBlock(block.getSourceSpans().get(0).getLineIndex() + 1, block.getLiteral(),
                            expectedOutput(block), skipReason(block)));
                }
            }
        });
        return new ReadmeBlocks(List.copyOf(blocks));
    }

    /** The blocks that neither have an expected output nor are skipped: each is a mistake in the page. */
    List<ShellBlock> unchecked() {
        return blocks.stream().filter(block -> block.runs() && block.expected().isEmpty()).toList();
    }

    List<ShellBlock> runnable() {
        return blocks.stream().filter(ShellBlock::runs).toList();
    }

    private static String language(FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().trim();
        return info.isEmpty() ? "" : info.split("\\s+")[0];
    }

    private static Optional<String> expectedOutput(FencedCodeBlock block) {
        return block.getNext() instanceof FencedCodeBlock next && "text".equals(language(next))
                ? Optional.of(next.getLiteral()) : Optional.empty();
    }

    private static Optional<String> skipReason(FencedCodeBlock block) {
        if (block.getPrevious() instanceof HtmlBlock html) {
            Matcher skip = SKIP.matcher(html.getLiteral());
            if (skip.find()) {
                return Optional.of(skip.group(1));
            }
        }
        return Optional.empty();
    }
}
