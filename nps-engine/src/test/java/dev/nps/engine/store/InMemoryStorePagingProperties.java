package dev.nps.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class InMemoryStorePagingProperties {

    @Property(tries = 200)
    void pagesConcatenateToTheWholeListNewestFirstWithIdTieBreak(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 5) Integer> minutes,
            @ForAll @IntRange(min = 1, max = 7) int pageSize) {
        InMemoryStore store = new InMemoryStore();
        List<Response> all = new ArrayList<>();
        Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
        for (int i = 0; i < minutes.size(); i++) {
            // Few distinct minutes, so many responses share an instant and the id decides.
            Response r = Response.builder("s", i % 11).id("r" + (char) ('a' + i % 26) + i).answeredAt(t0.plusSeconds(60L * minutes.get(i))).build(t0);
            store.insertResponse(r);
            all.add(r);
        }
        all.sort(Comparator.comparing(Response::answeredAt).reversed().thenComparing(Response::id));

        List<Response> paged = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        Page<Response> page;
        do {
            page = store.findResponses(ResponseFilter.ALL, request);
            assertThat(page.total()).isEqualTo(all.size());
            paged.addAll(page.items());
            request = request.next();
        } while (page.hasNext());

        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(all.size());
    }
}
