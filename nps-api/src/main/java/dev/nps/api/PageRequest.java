package dev.nps.api;

/**
 * A page of a listing ordered newest first.
 *
 * @param offset rows to skip, 0 or more
 * @param limit  rows to return, 1..1000
 * @since 0.1
 */
public record PageRequest(int offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw NpsException.invalid("page.offset", "must not be negative (got " + offset + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw NpsException.invalid("page.limit", "must be 1.." + MAX_LIMIT + " (got " + limit + ")");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }

    public PageRequest next() {
        return new PageRequest(offset + limit, limit);
    }
}
