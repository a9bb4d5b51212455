package dev.nps.engine.alerts;

import dev.nps.spi.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Alerts on one detractor response as it is recorded: any detractor, or only those with a comment, mentioning
 * given words or themes (themes through the engine's text analyser), or from a segment (e.g. {@code plan =
 * enterprise}, read from the response, the contact or the customer directory). All given conditions must hold.
 * One alert per response: an edit of an alerted response does not alert again.
 *
 * @param id             the rule id
 * @param surveyId       the survey, or empty for all
 * @param requireComment only responses with a comment
 * @param words          alert when the comment contains any of these words (case-insensitive); empty: any comment
 * @param themes         alert when the comment has any of these themes; empty: any
 * @param segment        attribute key to accepted values; empty: any contact
 * @param includeComment whether the alert's detail quotes the comment (personal data: off by default)
 * @param coolDown       least time between two alerts for one contact
 * @param severity       the alerts' severity
 * @since 0.1
 */
public record DetractorRule(String id, Optional<String> surveyId, boolean requireComment, Set<String> words, Set<String> themes,
                            Map<String, Set<String>> segment, boolean includeComment, Duration coolDown,
                            Alert.Severity severity) implements AlertRule {

    public DetractorRule {
        Objects.requireNonNull(surveyId, "surveyId");
        words = Set.copyOf(words);
        themes = Set.copyOf(themes);
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        segment.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        segment = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param id the rule id
     * @return a builder for a rule alerting on every detractor
     */
    public static Builder named(String id) {
        return new Builder(id);
    }

    @Override
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        RuleChecks.id(id, p);
        RuleChecks.survey(id, surveyId, p);
        words.forEach(w -> {
            if (w.isBlank()) {
                p.add("rules[" + id + "].words: holds a blank word; remove it");
            }
        });
        themes.forEach(t -> {
            if (t.isBlank()) {
                p.add("rules[" + id + "].themes: holds a blank theme; remove it");
            }
        });
        segment.forEach((k, v) -> {
            RuleChecks.segmentKey(id, Optional.of(k), p);
            if (v.isEmpty()) {
                p.add("rules[" + id + "].segment['" + k + "']: lists no values; list at least one, e.g. enterprise");
            }
        });
        RuleChecks.notNegative(id, "coolDown", coolDown, p);
        return p;
    }

    /** Builder; {@link #build()} freezes the settings, the monitor checks them. */
    public static final class Builder {
        private final String id;
        private String surveyId;
        private boolean requireComment;
        private final Set<String> words = new LinkedHashSet<>();
        private final Set<String> themes = new LinkedHashSet<>();
        private final Map<String, Set<String>> segment = new LinkedHashMap<>();
        private boolean includeComment;
        private Duration coolDown = Duration.ZERO;
        private Alert.Severity severity = Alert.Severity.WARNING;

        private Builder(String id) {
            this.id = id;
        }

        public Builder survey(String surveyId) {
            this.surveyId = surveyId;
            return this;
        }

        public Builder withComment() {
            this.requireComment = true;
            return this;
        }

        public Builder mentioning(String... words) {
            for (String w : words) {
                this.words.add(Objects.requireNonNull(w, "word").strip().toLowerCase(Locale.ROOT));
            }
            this.requireComment = true;
            return this;
        }

        public Builder withTheme(String... themes) {
            for (String t : themes) {
                this.themes.add(Objects.requireNonNull(t, "theme").strip());
            }
            this.requireComment = true;
            return this;
        }

        public Builder inSegment(String attributeKey, String... values) {
            segment.computeIfAbsent(Objects.requireNonNull(attributeKey, "attributeKey"), k -> new LinkedHashSet<>())
                    .addAll(List.of(values));
            return this;
        }

        public Builder includeComment(boolean include) {
            this.includeComment = include;
            return this;
        }

        public Builder coolDown(Duration coolDown) {
            this.coolDown = coolDown;
            return this;
        }

        public Builder severity(Alert.Severity severity) {
            this.severity = Objects.requireNonNull(severity, "severity");
            return this;
        }

        public DetractorRule build() {
            return new DetractorRule(id, Optional.ofNullable(surveyId), requireComment, words, themes, segment, includeComment,
                    coolDown, severity);
        }
    }
}
