package dev.nps.channels.sms;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded set of recently processed ids (oldest forgotten first), for idempotent webhooks. Thread-safe. */
final class SeenIds {
    private final Map<String, Boolean> ids;

    SeenIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return true when the id was not seen before (and is now marked) */
    synchronized boolean claim(String id) {
        return ids.putIfAbsent(id, Boolean.TRUE) == null;
    }

    /** Forgets an id whose processing failed, so a retry is applied. */
    synchronized void release(String id) {
        ids.remove(id);
    }
}
