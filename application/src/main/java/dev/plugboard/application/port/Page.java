package dev.plugboard.application.port;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a list, with the cursor of the next page when there is one. */
public record Page<T>(List<T> items, Optional<String> next) {

    public Page {
        items = List.copyOf(items);
        next = next == null ? Optional.empty() : next;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
