package dev.nps.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An alert raised by a rule, for a sink to deliver. Holds no personal data unless a rule put a
 * respondent's comment in {@code detail} on purpose.
 *
 * @param id       unique event id (sinks and consumers de-duplicate on it)
 * @param ruleId   the rule that raised it
 * @param severity how urgent
 * @param title    one line
 * @param detail   a few lines of plain text
 * @param raisedAt when
 * @param facts    key figures (segment, NPS, change, p-value...)
 * @since 0.1
 */
public record Alert(String id, String ruleId, Severity severity, String title, String detail, Instant raisedAt,
                    Map<String, String> facts) {
    public enum Severity { INFO, WARNING, CRITICAL }

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(raisedAt, "raisedAt");
        facts = Map.copyOf(facts);
    }
}
