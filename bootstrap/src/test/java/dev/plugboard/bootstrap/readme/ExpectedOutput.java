package dev.plugboard.bootstrap.readme;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The output a Markdown page shows for a shell block, as a pattern: every character as written, except
 * {@code ...}, which stands for any text within a line (ids, timestamps, fields the page leaves out), and a
 * line of only {@code ...}, which stands for any number of whole lines (headers the page leaves out).
 * Line ends and trailing blank lines do not count.
 */
final class ExpectedOutput {

    private static final String ELLIPSIS = "...";

    private final String text;
    private final Pattern pattern;

    ExpectedOutput(String text) {
        this.text = text;
        this.pattern = Pattern.compile(normalize(text).lines().map(ExpectedOutput::line).collect(Collectors.joining()));
    }

    boolean matches(String actual) {
        return pattern.matcher(normalize(actual)).matches();
    }

    String text() {
        return text;
    }

    private static String line(String line) {
        if (line.strip().equals(ELLIPSIS)) {
            return "(?:[^\\n]*\\n)*?";
        }
        StringBuilder regex = new StringBuilder();
        int from = 0;
        for (int at = line.indexOf(ELLIPSIS); at >= 0; at = line.indexOf(ELLIPSIS, from)) {
            regex.append(Pattern.quote(line.substring(from, at))).append("[^\\n]*");
            from = at + ELLIPSIS.length();
        }
        return regex.append(Pattern.quote(line.substring(from))).append("\\n").toString();
    }

    /** Unix line ends, no trailing spaces, and exactly one line end after the last line (none for no output). */
    static String normalize(String output) {
        String lines = output.replace("\r\n", "\n").lines().map(String::stripTrailing)
                .collect(Collectors.joining("\n")).strip();
        return lines.isEmpty() ? "" : lines + "\n";
    }
}
