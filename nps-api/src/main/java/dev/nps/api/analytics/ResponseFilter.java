package dev.nps.api.analytics;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which responses a query looks at. Every part is optional; an empty filter matches everything.
 * Attribute filters match a response attribute, or the contact's attribute of that name when the response
 * has none; a response matches when, for every key, its value is one of the listed values.
 *
 * @param surveyId   only this survey
 * @param from       answered at or after this instant (inclusive)
 * @param to         answered before this instant (exclusive)
 * @param channels   only these channels (empty: all)
 * @param attributes attribute key to accepted values
 * @param contactId  only this contact
 * @param categories only these categories (empty: all)
 * @since 0.1
 */
public record ResponseFilter(
        Optional<String> surveyId,
        Optional<Instant> from,
        Optional<Instant> to,
        Set<ChannelName> channels,
        Map<String, Set<String>> attributes,
        Optional<String> contactId,
        Set<Category> categories) {

    public static final ResponseFilter ALL = builder().build();

    public ResponseFilter {
        Checks.notNull(surveyId, "filter.surveyId").ifPresent(s -> Checks.id(s, "filter.surveyId"));
        Checks.notNull(from, "filter.from");
        Checks.notNull(to, "filter.to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw NpsException.invalid("filter.to", "must be after filter.from (got from " + from.get() + ", to " + to.get() + ")");
        }
        channels = Set.copyOf(Checks.notNull(channels, "filter.channels"));
        Checks.notNull(attributes, "filter.attributes");
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            Checks.attributeKey(k, "filter.attributes key");
            Set<String> values = Set.copyOf(Checks.notNull(v, "filter.attributes['" + k + "']"));
            if (values.isEmpty()) {
                throw NpsException.invalid("filter.attributes['" + k + "']", "lists no values; remove the key to match all");
            }
            copy.put(k, values);
        });
        attributes = Map.copyOf(copy);
        Checks.notNull(contactId, "filter.contactId").ifPresent(s -> Checks.id(s, "filter.contactId"));
        categories = Set.copyOf(Checks.notNull(categories, "filter.categories"));
    }

    /** @return whether an instant falls in the [from, to) window */
    public boolean inWindow(Instant t) {
        return (from.isEmpty() || !t.isBefore(from.get())) && (to.isEmpty() || t.isBefore(to.get()));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.surveyId = surveyId.orElse(null);
        b.from = from.orElse(null);
        b.to = to.orElse(null);
        b.channels.addAll(channels);
        b.attributes.putAll(attributes);
        b.contactId = contactId.orElse(null);
        b.categories.addAll(categories);
        return b;
    }

    /** Builder; setters check their arguments. */
    public static final class Builder {
        private String surveyId;
        private Instant from;
        private Instant to;
        private final Set<ChannelName> channels = new java.util.LinkedHashSet<>();
        private final Map<String, Set<String>> attributes = new LinkedHashMap<>();
        private String contactId;
        private final Set<Category> categories = EnumSet.noneOf(Category.class);

        public Builder survey(String surveyId) {
            this.surveyId = Checks.id(surveyId, "filter.surveyId");
            return this;
        }

        /** @param from inclusive start, or null for none */
        public Builder from(Instant from) {
            this.from = from;
            return this;
        }

        /** @param to exclusive end, or null for none */
        public Builder to(Instant to) {
            this.to = to;
            return this;
        }

        public Builder between(Instant from, Instant to) {
            return from(Checks.notNull(from, "filter.from")).to(Checks.notNull(to, "filter.to"));
        }

        public Builder channel(ChannelName channel) {
            channels.add(Checks.notNull(channel, "filter.channels element"));
            return this;
        }

        public Builder attribute(String key, String... values) {
            Checks.attributeKey(key, "filter.attributes key");
            String field = "filter.attributes['" + key + "']";
            Set<String> accepted = new java.util.LinkedHashSet<>();
            for (String v : Checks.notNull(values, field)) {
                accepted.add(Checks.notNull(v, field + " value")); // repeated values are harmless: a set of accepted values
            }
            attributes.put(key, accepted);
            return this;
        }

        public Builder contact(String contactId) {
            this.contactId = Checks.id(contactId, "filter.contactId");
            return this;
        }

        public Builder category(Category category) {
            categories.add(Checks.notNull(category, "filter.categories element"));
            return this;
        }

        public ResponseFilter build() {
            return new ResponseFilter(Optional.ofNullable(surveyId), Optional.ofNullable(from), Optional.ofNullable(to),
                    channels, attributes, Optional.ofNullable(contactId), categories);
        }
    }
}
