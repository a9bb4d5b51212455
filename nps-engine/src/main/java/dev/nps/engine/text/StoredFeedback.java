package dev.nps.engine.text;

import dev.nps.api.Contact;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.internal.Checks;
import dev.nps.spi.NpsStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the responses a filter matches from a store as {@link FeedbackRow}s for the {@link ThemeReporter}: the
 * score, the comment, the time, and the attributes (the response's own, then the contact's for keys it lacks),
 * so numeric and categorical drivers see CRM fields too.
 *
 * @since 0.1
 */
public final class StoredFeedback {
    /** Rows read per page from the store. */
    private static final int PAGE = PageRequest.MAX_LIMIT;
    /** Most rows one report reads; a larger question should narrow its filter. {@value} */
    public static final int DEFAULT_MAX_ROWS = 200_000;

    private StoredFeedback() {}

    /**
     * @param store   the store, never null
     * @param filter  which responses, never null
     * @param maxRows the most rows to read (newest first), positive
     * @return the rows, newest first
     */
    public static List<FeedbackRow> read(NpsStore store, ResponseFilter filter, int maxRows) {
        Checks.notNull(store, "store");
        Checks.notNull(filter, "filter");
        if (maxRows < 1) {
            throw dev.nps.api.NpsException.invalid("maxRows", "must be positive (got " + maxRows + ")");
        }
        Map<String, Map<String, String>> contactAttributes = new HashMap<>();
        List<FeedbackRow> rows = new ArrayList<>();
        PageRequest request = PageRequest.first(Math.min(PAGE, maxRows));
        while (rows.size() < maxRows) {
            Page<Response> page = store.findResponses(filter, request);
            for (Response r : page.items()) {
                if (rows.size() == maxRows) {
                    break;
                }
                Map<String, String> attributes = new LinkedHashMap<>(r.attributes());
                r.contactId().ifPresent(id -> contactAttributes
                        .computeIfAbsent(id, k -> store.findContact(k).map(Contact::attributes).orElse(Map.of()))
                        .forEach(attributes::putIfAbsent));
                rows.add(new FeedbackRow(r.score().value(), r.comment().orElse(""), r.answeredAt(), attributes));
            }
            if (!page.hasNext()) {
                break;
            }
            request = request.next();
        }
        return rows;
    }

    /** @return the rows of {@link #read(NpsStore, ResponseFilter, int)} with {@link #DEFAULT_MAX_ROWS} */
    public static List<FeedbackRow> read(NpsStore store, ResponseFilter filter) {
        return read(store, filter, DEFAULT_MAX_ROWS);
    }
}
