package dev.nps.channels.sms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the furthest status of recently sent messages and forwards only progress to a listener: a duplicated
 * callback or one that arrives late (a {@code sent} after {@code delivered}) changes nothing. Also accepts a
 * status for a message whose send call has not returned yet. Bounded: the oldest entries are forgotten first.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class SmsStatusTracker {
    /** Messages remembered by default. {@value} */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final SmsStatusListener listener;
    private final Map<String, SmsStatus> statuses;

    /**
     * @param listener receives each advance
     * @param capacity how many message ids to remember, at least 1
     */
    public SmsStatusTracker(SmsStatusListener listener, int capacity) {
        this.listener = Objects.requireNonNull(listener, "listener");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1 (got " + capacity + ")");
        }
        this.statuses = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SmsStatus> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @param listener receives each advance; remembers {@value #DEFAULT_CAPACITY} messages */
    public SmsStatusTracker(SmsStatusListener listener) {
        this(listener, DEFAULT_CAPACITY);
    }

    /**
     * Applies a reported status.
     *
     * @param providerMessageId the message
     * @param status            the reported status
     * @param errorCode         the provider's error code, if any
     * @return whether the status advanced (false for a duplicate or a regression)
     */
    public boolean report(String providerMessageId, SmsStatus status, Optional<String> errorCode) {
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        synchronized (statuses) {
            SmsStatus current = statuses.get(providerMessageId);
            if (current != null && current.rank() >= status.rank()) {
                return false;
            }
            statuses.put(providerMessageId, status);
            // Inside the lock, so the listener sees advances in order even when callbacks race.
            listener.onStatus(providerMessageId, status, errorCode);
        }
        return true;
    }

    /**
     * @param providerMessageId the message
     * @return the furthest status reported, if the message is remembered
     */
    public Optional<SmsStatus> status(String providerMessageId) {
        synchronized (statuses) {
            return Optional.ofNullable(statuses.get(providerMessageId));
        }
    }
}
