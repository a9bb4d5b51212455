package dev.nps.engine.workflow;

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
    public CaseEvent {
        Checks.notNull(at, "event.at");
        Checks.notBlank(actor, "event.actor");
        Checks.notBlank(action, "event.action");
        Checks.notNull(status, "event.status");
        Checks.notNull(note, "event.note").ifPresent(n -> Checks.text(n, "event.note"));
    }

    @Override
    public String toString() {
        return "CaseEvent[" + at + ", " + actor + ", " + action + ", " + status + (note.isPresent() ? ", note" : "") + "]";
    }
}
