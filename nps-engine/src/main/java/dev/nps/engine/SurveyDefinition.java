package dev.nps.engine;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.NpsException;
import dev.nps.api.QuietHours;
import dev.nps.api.ReminderPolicy;
import dev.nps.api.Survey;
import dev.nps.api.Trigger;
import dev.nps.api.internal.Checks;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A fluent survey definition that {@link #save() saves} itself to the engine's store. Each setter checks its
 * argument at once; {@code save()} may be called again after further changes.
 *
 * <pre>{@code
 * Survey survey = nps.surveys().define("post-purchase")
 *     .question("How likely are you to recommend Acme to a friend or colleague?")
 *     .followUp(Category.DETRACTOR, "What should we fix first?")
 *     .sendVia(ChannelName.EMAIL).fallbackTo(ChannelName.SMS)
 *     .triggeredBy("order.completed").after(Duration.ofDays(3))
 *     .quietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))
 *     .save();
 * }</pre>
 *
 * @since 0.1
 */
public final class SurveyDefinition {
    private final Survey.Builder builder;
    private final List<Trigger> triggers = new ArrayList<>();
    private final Function<Survey, Survey> saver;

    SurveyDefinition(String surveyId, Function<Survey, Survey> saver) {
        this.builder = Survey.builder(surveyId);
        this.saver = Objects.requireNonNull(saver, "saver");
    }

    /**
     * @param question the likelihood-to-recommend question, at most {@value Survey#MAX_QUESTION_LENGTH} characters
     * @return this
     */
    public SurveyDefinition question(String question) {
        builder.question(question);
        return this;
    }

    /**
     * @param category the category that gets the follow-up
     * @param question the follow-up question
     * @return this
     */
    public SurveyDefinition followUp(Category category, String question) {
        builder.followUp(category, question);
        return this;
    }

    /**
     * @param language the survey's language
     * @return this
     */
    public SurveyDefinition language(Locale language) {
        builder.language(language);
        return this;
    }

    /**
     * @param channels channels in order of preference
     * @return this
     */
    public SurveyDefinition channels(List<ChannelName> channels) {
        builder.channels(channels);
        return this;
    }

    /**
     * @param channel the preferred channel; clears the fallbacks
     * @return this
     */
    public SurveyDefinition sendVia(ChannelName channel) {
        builder.sendVia(channel);
        return this;
    }

    /**
     * @param channel a fallback channel after those already set
     * @return this
     */
    public SurveyDefinition fallbackTo(ChannelName channel) {
        builder.fallbackTo(channel);
        return this;
    }

    /**
     * @param trigger a trigger to add
     * @return this
     */
    public SurveyDefinition trigger(Trigger trigger) {
        triggers.add(Checks.notNull(trigger, "trigger"));
        return this;
    }

    /**
     * Adds an event trigger with no delay; follow with {@link #after(Duration)} or {@link #when(String, String)}.
     *
     * @param eventType the host event, e.g. {@code order.completed}
     * @return this
     */
    public SurveyDefinition triggeredBy(String eventType) {
        return trigger(new Trigger.OnEvent(eventType, Duration.ZERO, Map.of()));
    }

    /**
     * Sets the delay of the event trigger added last.
     *
     * @param delay wait after the event, zero or positive
     * @return this
     * @throws NpsException {@code INVALID_ARGUMENT} when the last trigger is not an event trigger
     */
    public SurveyDefinition after(Duration delay) {
        Trigger.OnEvent last = lastEventTrigger("after");
        triggers.set(triggers.size() - 1, new Trigger.OnEvent(last.eventType(), delay, last.conditions()));
        return this;
    }

    /**
     * Adds a condition to the event trigger added last.
     *
     * @param attribute an attribute of the event or the contact
     * @param value     the value it must have
     * @return this
     * @throws NpsException {@code INVALID_ARGUMENT} when the last trigger is not an event trigger
     */
    public SurveyDefinition when(String attribute, String value) {
        Trigger.OnEvent last = lastEventTrigger("when");
        Map<String, String> conditions = new java.util.LinkedHashMap<>(last.conditions());
        conditions.put(Checks.attributeKey(attribute, "trigger.conditions key"), Checks.notNull(value, "trigger.conditions['" + attribute + "']"));
        triggers.set(triggers.size() - 1, new Trigger.OnEvent(last.eventType(), last.delay(), conditions));
        return this;
    }

    /**
     * Adds a schedule trigger.
     *
     * @param schedule e.g. {@code monthly}, {@code quarterly}
     * @return this
     */
    public SurveyDefinition scheduled(String schedule) {
        return trigger(new Trigger.OnSchedule(schedule));
    }

    /**
     * @param window minimum time between two surveys to one contact, positive
     * @return this
     */
    public SurveyDefinition throttlePerContact(Duration window) {
        builder.throttlePerContact(window);
        return this;
    }

    /**
     * @param quietHours the quiet window in the recipient's zone
     * @return this
     */
    public SurveyDefinition quietHours(QuietHours quietHours) {
        builder.quietHours(quietHours);
        return this;
    }

    /**
     * @param start first local time inside the window
     * @param end   first local time after it (before {@code start} for a window over midnight)
     * @return this
     */
    public SurveyDefinition quietHours(LocalTime start, LocalTime end) {
        return quietHours(new QuietHours(start, end));
    }

    /**
     * @param reminders the reminder policy
     * @return this
     */
    public SurveyDefinition reminders(ReminderPolicy reminders) {
        builder.reminders(reminders);
        return this;
    }

    /** @return the survey as defined so far, without saving it */
    public Survey build() {
        Survey.Builder b = builder.build().toBuilder();
        triggers.forEach(b::trigger);
        return b.build();
    }

    /**
     * Stores the survey, replacing one with the same id.
     *
     * @return the survey as stored
     */
    public Survey save() {
        return saver.apply(build());
    }

    private Trigger.OnEvent lastEventTrigger(String method) {
        if (triggers.isEmpty() || !(triggers.get(triggers.size() - 1) instanceof Trigger.OnEvent last)) {
            throw NpsException.invalid("survey.triggers", method + "(...) applies to an event trigger; call triggeredBy(eventType) first");
        }
        return last;
    }

    @Override
    public String toString() {
        return "SurveyDefinition[" + builder + "]";
    }
}
