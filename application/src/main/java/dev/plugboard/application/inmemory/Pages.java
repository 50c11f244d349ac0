package dev.plugboard.application.inmemory;

import dev.plugboard.application.port.Page;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Cuts a list fetched with one extra item into a page and the cursor of the next one. */
final class Pages {

    private Pages() {
    }

    static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(cursorOf.apply(items.get(limit - 1))));
    }
}
