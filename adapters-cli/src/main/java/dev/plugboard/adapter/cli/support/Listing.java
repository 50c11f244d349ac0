package dev.plugboard.adapter.cli.support;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/** Follows a paged use case from page to page, because an operator's listing should be complete. */
public final class Listing {

    private Listing() {
    }

    /** Every item, or the first {@code limit} items. */
    public static <T> List<T> fetch(Function<PageRequest, Page<T>> source, OptionalInt limit) {
        int wanted = limit.orElse(Integer.MAX_VALUE);
        List<T> items = new ArrayList<>();
        PageRequest request = PageRequest.first(Math.min(wanted, PageRequest.MAX_LIMIT));
        while (true) {
            Page<T> page = source.apply(request);
            page.items().stream().limit(wanted - (long) items.size()).forEach(items::add);
            if (items.size() >= wanted || page.next().isEmpty() || page.items().isEmpty()) {
                return items;
            }
            request = new PageRequest(Math.min(wanted - items.size(), PageRequest.MAX_LIMIT), page.next());
        }
    }
}
