package dev.plugboard.adapter.cli.support;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A plain-text table whose columns are as wide as their widest cell, for people reading a terminal. */
public final class Table {

    private static final String GAP = "  ";
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    public Table(String... headers) {
        this.columns = headers.length;
        rows.add(headers);
    }

    /** Adds a row; {@code null} and empty optionals show as {@code -}, line breaks as spaces, times to the second. */
    public Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = cell(cells[i]);
        }
        rows.add(row);
        return this;
    }

    private static String cell(Object value) {
        Object plain = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (plain instanceof Instant instant) {
            plain = instant.truncatedTo(ChronoUnit.SECONDS); // people read seconds; --json keeps the precision
        }
        String text = plain == null ? "" : plain.toString().replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? "-" : text;
    }

    public void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s", row[i]) + GAP);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
