package dev.nps.spi;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a case's history. {@link #toString()} never shows the note.
 *
 * @param at     when
 * @param actor  who (a user id, or {@code system})
 * @param action what: {@code opened}, {@code contacted}, {@code resolved}, {@code wont_fix}, {@code note},
 *               {@code response_edited}
 * @param status the status after it
 * @param note   free text, if any
 * @since 0.1
 */
public record CaseEvent(Instant at, String actor, String action, CaseStatus status, Optional<String> note) {
    /** Longest actor. {@value} */
    public static final int MAX_ACTOR = 200;
    /** Longest action. {@value} */
    public static final int MAX_ACTION = 64;
    /** Longest note. {@value} */
    public static final int MAX_NOTE = 10_000;

    public CaseEvent {
        Checks.notNull(at, "event.at");
        limit(Checks.text(Checks.notBlank(actor, "event.actor"), "event.actor"), MAX_ACTOR, "event.actor");
        limit(Checks.text(Checks.notBlank(action, "event.action"), "event.action"), MAX_ACTION, "event.action");
        Checks.notNull(status, "event.status");
        Checks.notNull(note, "event.note").ifPresent(n -> limit(Checks.text(n, "event.note"), MAX_NOTE, "event.note"));
    }

    private static void limit(String value, int max, String field) {
        if (value.length() > max) {
            throw NpsException.invalid(field, "is " + value.length() + " characters; the limit is " + max);
        }
    }

    @Override
    public String toString() {
        return "CaseEvent[" + at + ", " + actor + ", " + action + ", " + status + (note.isPresent() ? ", note" : "") + "]";
    }
}
