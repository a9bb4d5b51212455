package dev.nps.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What keeps alert storms away across restarts: the alert keys already raised (de-duplication) and, per rule and
 * segment, when the rule last raised (cool-down). The engine keeps it in memory for the in-memory store (a restart
 * forgets it); a store implementing {@link AlertStorage} keeps it durably, shared by every application instance.
 * Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface AlertState {
    /** Longest rule id. {@value} */
    int MAX_RULE_ID = 200;

    /**
     * Decides and records in one step: an alert may be raised unless its key was raised before or its rule raised
     * for the same segment less than {@code coolDown} before {@code now}. When it may, the key and the time are
     * remembered, so two callers (threads or instances) never both get true for one key or one cool-down.
     *
     * @param ruleId   the rule, never blank
     * @param segment  the segment the cool-down applies to (e.g. {@code plan=enterprise}, a contact id, {@code all})
     * @param alertKey the alert's stable key (rule, segment, period)
     * @param now      the time
     * @param coolDown zero or positive
     * @return whether the alert may be raised
     */
    boolean admit(String ruleId, String segment, String alertKey, Instant now, Duration coolDown);

    /**
     * Takes back an admission whose alert could not be handed over for delivery (the outbox failed), so the alert
     * is not lost behind its own key: forgets the key and clears the rule's last raise for the segment if it is
     * still the one at {@code raisedAt} (an earlier raise was outside the cool-down, or the admission would not have
     * succeeded, so clearing it changes nothing else).
     *
     * @param ruleId   as admitted
     * @param segment  as admitted
     * @param alertKey as admitted
     * @param raisedAt the {@code now} of the admission
     */
    void revoke(String ruleId, String segment, String alertKey, Instant raisedAt);

    /** @return when the rule last raised for the segment, if it did (and it was not forgotten) */
    Optional<Instant> lastRaised(String ruleId, String segment);

    /** @return whether an alert with this key was raised (and not forgotten) */
    boolean seen(String alertKey);

    /**
     * Forgets keys and cool-downs recorded before a time, so the state does not grow forever.
     *
     * @param before the cut-off
     * @return how many records were forgotten
     */
    int forget(Instant before);
}
