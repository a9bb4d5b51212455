package dev.nps.engine.replies;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.Survey;
import dev.nps.api.internal.Checks;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.Responses;
import dev.nps.engine.RecordResult;
import dev.nps.engine.integrations.ResponseEvents;
import dev.nps.engine.links.ResponseLinks;
import dev.nps.engine.links.ResponseRecorder;
import dev.nps.engine.rules.ContactRules;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.Invitation;
import dev.nps.spi.NpsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies SMS replies to the engine: a score answers the latest open SMS invitation of the sender's number, a
 * comment is added once to the response the number gave last, an opt-out suppresses the number. Every method is
 * idempotent for a repeated call with the same arguments and thread-safe. Phone numbers are E.164.
 *
 * <p>An invitation is open while it is sent (or one of its reminders is), unanswered, and sent less than the reply
 * window ago (by default the response-link expiry, 30 days). Scores and comments are recorded through the engine's
 * responses, so listeners (alerts, workflows, analytics) see them like any other answer; the response id is the
 * one a response link would use, so a link answer and an SMS answer to one invitation are the same response.
 * Within one instance the replies of one number are applied one at a time; across application instances the
 * webhook's de-duplication of message ids and the response id keep a repeated reply from counting twice.
 *
 * @since 0.2
 */
public final class SmsReplies {
    private static final Logger LOG = LoggerFactory.getLogger(SmsReplies.class);

    /** The suppression reason of an opt-out reply; only suppressions with this reason are lifted by an opt-in. {@value} */
    public static final String OPT_OUT_REASON = "sms: opt-out reply";

    private final NpsStore store;
    private final DispatchStore outbox;
    private final ContactRules rules;
    private final Responses responses;
    private final Clock clock;
    private final Duration window;
    private final Optional<ResponseEvents> events;
    // Replies of one number are applied one at a time, so two quick messages cannot both take the "first comment".
    private final Object[] locks = new Object[64];

    /**
     * @param store     contacts, surveys and responses
     * @param outbox    the outbox the invitations were sent from
     * @param rules     where suppressions are kept
     * @param responses the engine's response recording (listeners fire)
     * @param clock     the clock
     * @param window    how long after sending a reply still answers an invitation
     * @param events    where {@code contact.unsubscribed} is published on an opt-out, if anywhere
     * @throws NpsException {@code INVALID_ARGUMENT} for a null part or a window that is not positive
     */
    public SmsReplies(NpsStore store, DispatchStore outbox, ContactRules rules, Responses responses, Clock clock, Duration window,
                      Optional<ResponseEvents> events) {
        this.store = Checks.notNull(store, "store");
        this.outbox = Checks.notNull(outbox, "dispatchStore");
        this.rules = Checks.notNull(rules, "rules");
        this.responses = Checks.notNull(responses, "responses");
        this.clock = Checks.notNull(clock, "clock");
        this.window = Checks.notNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw NpsException.invalid("window", "must be positive (got " + window + ")");
        }
        this.events = Checks.notNull(events, "events");
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    private Object lockOf(String phone) {
        return locks[Math.floorMod(phone.hashCode(), locks.length)];
    }

    /**
     * @param engine the engine, whose dispatch pipeline sent the invitations
     * @return replies over the engine's store, outbox, rules and responses, with the default window and no events
     */
    public static SmsReplies of(NpsEngine engine) {
        Checks.notNull(engine, "engine");
        return new SmsReplies(engine.store(), engine.dispatch().outbox(), engine.dispatch().rules(), engine.responses(),
                engine.clock(), ResponseLinks.DEFAULT_EXPIRY, Optional.empty());
    }

    /**
     * @param publisher where {@code contact.unsubscribed} goes on an opt-out
     * @return a copy that publishes it
     */
    public SmsReplies withEvents(ResponseEvents publisher) {
        return new SmsReplies(store, outbox, rules, responses, clock, window, Optional.of(Checks.notNull(publisher, "events")));
    }

    /**
     * @param replyWindow how long after sending a reply still answers an invitation
     * @return a copy with this window
     */
    public SmsReplies withWindow(Duration replyWindow) {
        return new SmsReplies(store, outbox, rules, responses, clock, replyWindow, events);
    }

    /**
     * A recorded score.
     *
     * @param invitationId the invitation answered (the first of its chain)
     * @param response     the response as stored
     * @param followUp     the survey's follow-up question for the score's category, if it has one
     * @param locale       the language to reply in
     */
    public record ScoreRecorded(String invitationId, Response response, Optional<String> followUp, Locale locale) {
        public ScoreRecorded {
            Checks.notNull(invitationId, "invitationId");
            Checks.notNull(response, "response");
            Checks.notNull(followUp, "followUp");
            Checks.notNull(locale, "locale");
        }
    }

    /** What {@link #recordComment} did. */
    public enum CommentResult {
        /** Stored on the last response. */
        RECORDED,
        /** The number has an open invitation but no score yet. */
        AWAITING_SCORE,
        /** Nothing to attach it to (no response, or it already has a comment). */
        IGNORED
    }

    /**
     * @param phone the sender
     * @return the language of the contact with this number, if exactly one contact has it and it has a language
     */
    public Optional<Locale> localeOf(String phone) {
        List<Contact> contacts = contacts(phone);
        return contacts.size() == 1 ? contacts.get(0).locale() : Optional.empty();
    }

    /**
     * Records a score for the latest open invitation sent by SMS to this number.
     *
     * @param phone the sender
     * @param score the score
     * @return what was recorded, or empty when the number has no open invitation
     */
    public Optional<ScoreRecorded> recordScore(String phone, Score score) {
        Checks.notNull(score, "score");
        List<Contact> contacts = contacts(phone);
        synchronized (lockOf(phone)) {
            return recordScore(contacts, score);
        }
    }

    private Optional<ScoreRecorded> recordScore(List<Contact> contacts, Score score) {
        for (Invitation sent : sentRecently(contacts)) {
            if (store.findResponseByInvitation(sent.rootId()).isPresent()) {
                // The newest open invitation is what a reply answers; an answered one is skipped, not re-scored.
                continue;
            }
            Optional<Survey> survey = store.findSurvey(sent.surveyId());
            if (survey.isEmpty()) {
                continue;
            }
            Response response = Response.builder(sent.surveyId(), score.value()).id("inv-" + sent.rootId()).invitation(sent.rootId())
                    .contact(sent.contactId()).channel(ChannelName.SMS).build(clock.instant());
            ResponseRecorder.Recorded r = ResponseRecorder.of(responses).record(response);
            LOG.debug("SMS reply recorded as response {} of invitation {}", r.response().id(), sent.rootId());
            Locale locale = contacts.stream().filter(c -> c.id().equals(sent.contactId())).findFirst().flatMap(Contact::locale)
                    .orElse(survey.get().language());
            return Optional.of(new ScoreRecorded(sent.rootId(), r.response(), survey.get().followUp(score.category()), locale));
        }
        return Optional.empty();
    }

    /**
     * Records a comment on the response of this number's latest SMS invitation, once: only when that response has
     * no comment yet.
     *
     * @param phone the sender
     * @param text  the comment, not blank
     * @return what happened
     * @throws NpsException {@code COMMENT_TOO_LONG} when the text is over the engine's limit (nothing is stored)
     */
    public CommentResult recordComment(String phone, String text) {
        Checks.notBlank(text, "comment");
        List<Contact> contacts = contacts(phone);
        synchronized (lockOf(phone)) {
            return recordComment(contacts, text);
        }
    }

    private CommentResult recordComment(List<Contact> contacts, String text) {
        List<Invitation> sent = sentRecently(contacts);
        if (sent.isEmpty()) {
            return CommentResult.IGNORED;
        }
        Optional<Response> answered = store.findResponseByInvitation(sent.get(0).rootId());
        if (answered.isEmpty()) {
            return CommentResult.AWAITING_SCORE;
        }
        Response r = answered.get();
        if (r.comment().isPresent()) {
            return CommentResult.IGNORED;
        }
        RecordResult result = responses.edit(r.id(), r.score(), Optional.of(text.strip()));
        LOG.debug("SMS comment added to response {}: {}", r.id(), result.status());
        return CommentResult.RECORDED;
    }

    /**
     * Suppresses the number (no more SMS to it until it opts in again) and publishes {@code contact.unsubscribed}
     * for each contact with this number when events are configured. Repeating it keeps one suppression.
     *
     * @param phone the sender
     */
    public void suppress(String phone) {
        Contact.requirePhone(phone);
        boolean already = rules.suppression(phone).isPresent();
        if (!already) {
            rules.suppress(phone, OPT_OUT_REASON);
        }
        if (!already && events.isPresent()) {
            Instant now = clock.instant();
            for (Contact c : contacts(phone)) {
                events.get().contactUnsubscribed(c.id(), ChannelName.SMS, now);
            }
        }
    }

    /**
     * Lifts a suppression of the number made by an opt-out: an opt-out reply, or a send the provider refused because
     * the number had replied STOP to it (Twilio-compatible error 21610, which the provider lifts on START too). A
     * suppression for another reason (an invalid number, a host's decision) stays.
     *
     * @param phone the sender
     * @return whether a suppression was lifted
     */
    public boolean resubscribe(String phone) {
        Contact.requirePhone(phone);
        return rules.suppression(phone).filter(s -> isOptOut(s.reason())).isPresent() && rules.unsuppress(phone);
    }

    private static boolean isOptOut(String reason) {
        // The dispatcher records a refused send as "<channel>: <outcome reason>"; the SMS channel names the code.
        return OPT_OUT_REASON.equals(reason) || reason.startsWith("sms: ") && reason.endsWith(" code 21610");
    }

    private List<Contact> contacts(String phone) {
        return store.findContactsByPhone(Contact.requirePhone(phone));
    }

    private List<Invitation> sentRecently(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        return outbox.findSentInvitations(contacts.stream().map(Contact::id).toList(), ChannelName.SMS, clock.instant().minus(window));
    }
}
