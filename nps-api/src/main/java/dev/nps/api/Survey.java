package dev.nps.api;

import dev.nps.api.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A survey definition: the question, a follow-up question per category, the language, the channels in
 * order of preference, and the optional automation settings.
 *
 * @param id               stable identifier
 * @param question         the likelihood-to-recommend question
 * @param followUps        follow-up question per category (a category may have none)
 * @param language         the survey's language
 * @param channels         channels in order of preference, first is tried first
 * @param triggers         what sends it by itself (may be empty: manual only)
 * @param throttlePerContact minimum time between two surveys to one contact, if set
 * @param quietHours       the quiet window in the recipient's zone, if set
 * @param reminders        reminder policy
 * @since 0.1
 */
public record Survey(
        String id,
        String question,
        Map<Category, String> followUps,
        Locale language,
        List<ChannelName> channels,
        List<Trigger> triggers,
        Optional<Duration> throttlePerContact,
        Optional<QuietHours> quietHours,
        ReminderPolicy reminders) {

    /** The default question. {@value} */
    public static final String DEFAULT_QUESTION = "How likely are you to recommend us to a friend or colleague?";
    /** Longest question or follow-up text accepted. */
    public static final int MAX_QUESTION_LENGTH = 500;

    public Survey {
        Checks.id(id, "survey.id");
        checkQuestion(question, "survey.question");
        Checks.notNull(followUps, "survey.followUps");
        EnumMap<Category, String> f = new EnumMap<>(Category.class);
        followUps.forEach((k, v) -> f.put(Checks.notNull(k, "survey.followUps key"), checkQuestion(v, "survey.followUps[" + k + "]")));
        followUps = Collections.unmodifiableMap(f);
        Checks.notNull(language, "survey.language");
        channels = List.copyOf(Checks.notNull(channels, "survey.channels"));
        if (channels.stream().distinct().count() != channels.size()) {
            throw NpsException.invalid("survey.channels", "lists a channel twice: " + channels);
        }
        triggers = List.copyOf(Checks.notNull(triggers, "survey.triggers"));
        Checks.notNull(throttlePerContact, "survey.throttlePerContact");
        throttlePerContact.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw NpsException.invalid("survey.throttlePerContact", "must be positive (got " + d + ")");
            }
        });
        Checks.notNull(quietHours, "survey.quietHours");
        Checks.notNull(reminders, "survey.reminders");
    }

    /** @return the follow-up question for a category, if one is set */
    public Optional<String> followUp(Category category) {
        return Optional.ofNullable(followUps.get(category));
    }

    /**
     * @param id the survey id
     * @return a builder with the default question, English, email channel
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return a builder holding this survey's values */
    public Builder toBuilder() {
        Builder b = new Builder(id).question(question).language(language).channels(channels).reminders(reminders);
        followUps.forEach(b::followUp);
        triggers.forEach(b::trigger);
        throttlePerContact.ifPresent(b::throttlePerContact);
        quietHours.ifPresent(b::quietHours);
        return b;
    }

    private static String checkQuestion(String text, String field) {
        Checks.notBlank(text, field);
        if (text.length() > MAX_QUESTION_LENGTH) {
            throw NpsException.invalid(field, "longer than " + MAX_QUESTION_LENGTH + " characters");
        }
        return Checks.text(text, field);
    }

    /** A fluent builder; each setter checks its argument, {@link #build()} may be called again. */
    public static final class Builder {
        private final String id;
        private String question = DEFAULT_QUESTION;
        private final EnumMap<Category, String> followUps = new EnumMap<>(Category.class);
        private Locale language = Locale.ENGLISH;
        private final List<ChannelName> channels = new ArrayList<>(List.of(ChannelName.EMAIL));
        private final List<Trigger> triggers = new ArrayList<>();
        private Duration throttle;
        private QuietHours quietHours;
        private ReminderPolicy reminders = ReminderPolicy.NONE;

        private Builder(String id) {
            this.id = Checks.id(id, "survey.id");
        }

        public Builder question(String question) {
            this.question = checkQuestion(question, "survey.question");
            return this;
        }

        public Builder followUp(Category category, String question) {
            followUps.put(Checks.notNull(category, "category"), checkQuestion(question, "survey.followUps[" + category + "]"));
            return this;
        }

        public Builder language(Locale language) {
            this.language = Checks.notNull(language, "survey.language");
            return this;
        }

        /** Replaces the channel list: the first is preferred, the others are fallbacks in order. */
        public Builder channels(List<ChannelName> channels) {
            Checks.notNull(channels, "survey.channels");
            channels.forEach(c -> Checks.notNull(c, "survey.channels element"));
            this.channels.clear();
            this.channels.addAll(channels);
            return this;
        }

        /** Sets the preferred channel, clearing fallbacks. */
        public Builder sendVia(ChannelName channel) {
            return channels(List.of(Checks.notNull(channel, "channel")));
        }

        /** Adds a fallback channel after those already set. */
        public Builder fallbackTo(ChannelName channel) {
            Checks.notNull(channel, "channel");
            if (channels.contains(channel)) {
                throw NpsException.invalid("survey.channels", "'" + channel + "' is already in " + channels);
            }
            channels.add(channel);
            return this;
        }

        public Builder trigger(Trigger trigger) {
            triggers.add(Checks.notNull(trigger, "trigger"));
            return this;
        }

        /** Adds an event trigger with no delay and no conditions. */
        public Builder triggeredBy(String eventType) {
            return trigger(new Trigger.OnEvent(eventType, Duration.ZERO, Map.of()));
        }

        public Builder throttlePerContact(Duration window) {
            Checks.notNull(window, "survey.throttlePerContact");
            if (window.isNegative() || window.isZero()) {
                throw NpsException.invalid("survey.throttlePerContact", "must be positive (got " + window + ")");
            }
            this.throttle = window;
            return this;
        }

        public Builder quietHours(QuietHours quietHours) {
            this.quietHours = Checks.notNull(quietHours, "survey.quietHours");
            return this;
        }

        public Builder reminders(ReminderPolicy reminders) {
            this.reminders = Checks.notNull(reminders, "survey.reminders");
            return this;
        }

        /** @return an immutable survey; the builder stays usable */
        public Survey build() {
            return new Survey(id, question, followUps, language, channels, triggers,
                    Optional.ofNullable(throttle), Optional.ofNullable(quietHours), reminders);
        }

        @Override
        public String toString() {
            return "Survey.Builder[" + Objects.toString(id) + "]";
        }
    }
}
