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

    /**
     * Cuts a list fetched with one item more than {@code limit} into a page: the extra item only
     * says that a next page exists, whose cursor is the position of the page's last item.
     */
    public static <T> Page<T> fromOverfetched(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(cursorOf.apply(items.get(limit - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
