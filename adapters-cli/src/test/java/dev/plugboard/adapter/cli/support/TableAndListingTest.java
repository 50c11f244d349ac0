package dev.plugboard.adapter.cli.support;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TableAndListingTest {

    @Test
    void givenRowsOfDifferentWidths_table_alignsColumnsAndMarksMissingValues() {
        StringWriter text = new StringWriter();
        new Table("NAME", "VALUE", "NOTE")
                .row("a", 1, Optional.empty())
                .row("longer-name", null, "multi\nline")
                .row("time", java.time.Instant.parse("2026-03-01T10:15:30.123456Z"), "")
                .print(new PrintWriter(text, true));

        assertThat(text.toString().lines()).containsExactly(
                "NAME         VALUE                 NOTE",
                "a            1                     -",
                "longer-name  -                     multi line",
                "time         2026-03-01T10:15:30Z  -");
    }

    @Test
    void givenManyPages_fetch_followsEveryPageOrStopsAtTheLimit() {
        List<Integer> items = IntStream.range(0, 450).boxed().toList();
        List<PageRequest> requests = new ArrayList<>();
        java.util.function.Function<PageRequest, Page<Integer>> source = request -> {
            requests.add(request);
            int from = request.after().map(Integer::parseInt).orElse(0);
            int to = Math.min(items.size(), from + request.limit());
            return new Page<>(items.subList(from, to), to < items.size() ? Optional.of(String.valueOf(to)) : Optional.empty());
        };

        assertThat(Listing.fetch(source, OptionalInt.empty())).isEqualTo(items);
        assertThat(requests).extracting(PageRequest::limit).containsExactly(200, 200, 200);
        requests.clear();
        assertThat(Listing.fetch(source, OptionalInt.of(250))).isEqualTo(items.subList(0, 250));
        assertThat(requests).extracting(PageRequest::limit).containsExactly(200, 50);
        assertThat(Listing.fetch(source, OptionalInt.of(3))).containsExactly(0, 1, 2);
    }
}
