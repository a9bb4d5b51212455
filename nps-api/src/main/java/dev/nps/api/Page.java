package dev.nps.api;

import dev.nps.api.internal.Checks;
import java.util.List;

/**
 * One page of results.
 *
 * @param items   the rows of this page
 * @param request the request that produced it
 * @param total   number of rows matching in all pages
 * @param <T>     row type
 * @since 0.1
 */
public record Page<T>(List<T> items, PageRequest request, long total) {
    public Page {
        items = List.copyOf(Checks.notNull(items, "items"));
        Checks.notNull(request, "request");
    }

    public boolean hasNext() {
        return request.offset() + (long) items.size() < total;
    }
}
