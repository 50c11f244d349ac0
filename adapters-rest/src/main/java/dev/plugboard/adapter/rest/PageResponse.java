package dev.plugboard.adapter.rest;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list: the items, and the cursor to pass as {@code after} for the next page, or
 * {@code null} on the last page.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageResponse<T>(List<T> items, @Nullable String next) {

    public static <D, T> PageResponse<T> from(Page<D> page, Function<D, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.next().orElse(null));
    }

    /** The page a request asks for; the use cases check the bounds of {@code limit}. */
    public static PageRequest request(Integer limit, String after) {
        return new PageRequest(limit == null ? PageRequest.DEFAULT_LIMIT : limit, Optional.ofNullable(after));
    }
}
