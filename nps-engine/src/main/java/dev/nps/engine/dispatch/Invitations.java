package dev.nps.engine.dispatch;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.Event;
import dev.nps.api.NpsException;
import dev.nps.api.Survey;
import dev.nps.api.Trigger;
import dev.nps.api.internal.Checks;
import dev.nps.engine.rules.Decision;
import dev.nps.engine.rules.Eligibility;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationInsert;
import dev.nps.spi.InvitationSkip;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.NpsStore;
import dev.nps.spi.SkipReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates invitations in the outbox: from host events matched against surveys' event triggers, from schedules
 * once per period, and by hand. Every creation is idempotent on its key (the event id, the survey, contact and
 * period, or a caller's key) and checks the rules; a rule that says no leaves a skipped row and a skip record.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class Invitations {
    private static final Logger LOG = LoggerFactory.getLogger(Invitations.class);

    private final NpsStore store;
    private final DispatchStore outbox;
    private final Eligibility rules;
    private final Clock clock;
    private final Supplier<String> ids;
    private final ZoneId scheduleZone;

    /**
     * @param store        surveys and contacts
     * @param outbox       the outbox
     * @param rules        the eligibility rules
     * @param clock        the clock
     * @param ids          new invitation ids (random UUIDs in production)
     * @param scheduleZone the zone schedule periods are counted in
     */
    public Invitations(NpsStore store, DispatchStore outbox, Eligibility rules, Clock clock, Supplier<String> ids, ZoneId scheduleZone) {
        this.store = Checks.notNull(store, "store");
        this.outbox = Checks.notNull(outbox, "dispatchStore");
        this.rules = Checks.notNull(rules, "rules");
        this.clock = Checks.notNull(clock, "clock");
        this.ids = Checks.notNull(ids, "ids");
        this.scheduleZone = Checks.notNull(scheduleZone, "scheduleZone");
    }

    /** @return a service with random UUID ids and schedule periods in UTC */
    public static Invitations of(NpsStore store, DispatchStore outbox, Eligibility rules, Clock clock) {
        return new Invitations(store, outbox, rules, clock, () -> UUID.randomUUID().toString(), java.time.ZoneOffset.UTC);
    }

    /**
     * Invites a contact to a survey now, by hand. Without a key of the caller's, repeating the call is protected
     * only by the fatigue rule.
     *
     * @return what happened
     * @throws NpsException {@code NOT_FOUND} when the survey does not exist
     */
    public InvitationResult invite(String surveyId, String contactId) {
        return invite(surveyId, contactId, "manual:" + ids.get());
    }

    /**
     * Invites a contact to a survey now, idempotently on the key.
     *
     * @param idempotencyKey the caller's key; the same key twice creates one invitation
     * @return what happened
     * @throws NpsException {@code NOT_FOUND} when the survey does not exist
     */
    public InvitationResult invite(String surveyId, String contactId, String idempotencyKey) {
        Checks.id(surveyId, "surveyId");
        Checks.id(contactId, "contactId");
        Checks.notBlank(idempotencyKey, "idempotencyKey");
        Survey survey = store.findSurvey(surveyId).orElseThrow(() -> new NpsException(ErrorCode.NOT_FOUND,
                "survey '" + surveyId + "' does not exist; save it first"));
        Instant now = clock.instant();
        return create(survey, contactId, idempotencyKey, now, "manual", store.findContact(contactId), true);
    }

    /** The source prefix of follow-up messages; such rows are exempt from the fatigue window. {@value} */
    public static final String FOLLOW_UP_SOURCE = "follow-up:";

    /**
     * Queues a follow-up message (a thank-you, a review or referral request) as an invitation of the given survey,
     * idempotently on the key. Consent, suppression, unsubscribes and quiet hours apply as to any invitation; the
     * fatigue window does not, because the message answers the contact's own response (the row still counts as
     * a contact for later surveys' fatigue).
     *
     * @param surveyId       the survey whose message is sent
     * @param contactId      the recipient
     * @param idempotencyKey the same key twice queues one message
     * @param kind           what it is, e.g. {@code THANK_YOU}, kept in the row's source
     * @return what happened
     * @throws NpsException {@code NOT_FOUND} when the survey does not exist
     */
    public InvitationResult followUp(String surveyId, String contactId, String idempotencyKey, String kind) {
        Checks.id(surveyId, "surveyId");
        Checks.id(contactId, "contactId");
        Checks.notBlank(idempotencyKey, "idempotencyKey");
        Checks.notBlank(kind, "kind");
        Survey survey = store.findSurvey(surveyId).orElseThrow(() -> new NpsException(ErrorCode.NOT_FOUND,
                "survey '" + surveyId + "' does not exist; save the follow-up survey first"));
        return create(survey, contactId, "followup:" + idempotencyKey, clock.instant(), FOLLOW_UP_SOURCE + kind,
                store.findContact(contactId), false);
    }

    /**
     * Creates one invitation for each survey with an event trigger the event satisfies, due after the trigger's
     * delay. Publishing the same event (same id) again creates nothing new.
     *
     * @return one result per matching survey
     */
    public List<InvitationResult> publish(Event event) {
        Checks.notNull(event, "event");
        Optional<Contact> contact = store.findContact(event.contactId());
        Instant now = clock.instant();
        List<InvitationResult> results = new ArrayList<>();
        for (Survey survey : store.listSurveys()) {
            Optional<Trigger.OnEvent> trigger = TriggerMatcher.match(survey, event, contact);
            if (trigger.isPresent()) {
                Instant due = event.occurredAt().plus(trigger.get().delay());
                results.add(create(survey, event.contactId(), "event:" + event.id() + ":" + survey.id(),
                        due.isBefore(now) ? now : due, "event:" + event.type(), contact, true));
            }
        }
        return results;
    }

    /**
     * Creates the current period's invitations of every scheduled survey for its audience. Run it as often as
     * you like (every instance may): each contact gets at most one invitation per survey and period.
     *
     * @return one result per survey and contact
     */
    public List<InvitationResult> runSchedules(ScheduleAudience audience) {
        Checks.notNull(audience, "audience");
        Instant now = clock.instant();
        List<InvitationResult> results = new ArrayList<>();
        for (Survey survey : store.listSurveys()) {
            for (Trigger t : survey.triggers()) {
                if (t instanceof Trigger.OnSchedule on) {
                    Optional<Schedule.Period> period = Schedule.parse(on.schedule()).periodAt(now, scheduleZone);
                    if (period.isEmpty()) {
                        continue;
                    }
                    for (String contactId : audience.contactIds(survey)) {
                        results.add(create(survey, contactId, "schedule:" + survey.id() + ":" + period.get().key() + ":" + contactId,
                                now, "schedule:" + period.get().key(), store.findContact(contactId), true));
                    }
                }
            }
        }
        return results;
    }

    private InvitationResult create(Survey survey, String contactId, String key, Instant due, String source, Optional<Contact> contact,
                                    boolean guarded) {
        Optional<Invitation> seen = outbox.findInvitationByKey(key);
        if (seen.isPresent()) {
            return new InvitationResult(InvitationResult.Outcome.DUPLICATE, seen.get(), Optional.empty());
        }
        Instant now = clock.instant();
        ChannelName fallbackChannel = survey.channels().isEmpty() ? ChannelName.EMAIL : survey.channels().get(0);
        if (contact.isEmpty()) {
            return skipped(survey, contactId, key, source, fallbackChannel, now, SkipReason.CONTACT_NOT_FOUND, "no such contact");
        }
        Decision decision = rules.choose(survey, contact.get());
        if (decision instanceof Decision.Skip skip) {
            return skipped(survey, contactId, key, source, fallbackChannel, now, skip.reason(), skip.detail());
        }
        ChannelName channel = ((Decision.Send) decision).channel();
        Instant sendAt = rules.sendTime(survey, contact.get(), channel, due);
        Invitation row = Invitation.pending(ids.get(), key, survey.id(), contactId, channel, source, now, sendAt);
        InvitationInsert insert = outbox.insertInvitation(row,
                guarded ? Optional.of(rules.fatigueGuard(survey, contactId, now)) : Optional.empty());
        switch (insert.status()) {
            case INSERTED:
                LOG.debug("invitation {} created for survey {} ({})", row.id(), survey.id(), source);
                return new InvitationResult(InvitationResult.Outcome.CREATED, insert.existing(), Optional.empty());
            case DUPLICATE_KEY:
                return new InvitationResult(InvitationResult.Outcome.DUPLICATE, insert.existing(), Optional.empty());
            default:
                return skipped(survey, contactId, key, source, channel, now, SkipReason.FATIGUE,
                        "invited on " + insert.existing().createdAt() + " (survey " + insert.existing().surveyId()
                                + "), inside the " + rules.fatigueWindow(survey).toDays() + "-day window");
        }
    }

    private InvitationResult skipped(Survey survey, String contactId, String key, String source, ChannelName channel, Instant now,
                                     SkipReason reason, String detail) {
        Invitation row = Invitation.pending(ids.get(), key, survey.id(), contactId, channel, source, now, now)
                .withStatus(InvitationStatus.SKIPPED, now, 0, Optional.of("skipped: " + reason));
        InvitationInsert insert = outbox.insertInvitation(row, Optional.empty());
        if (insert.status() == InvitationInsert.Status.DUPLICATE_KEY) {
            return new InvitationResult(InvitationResult.Outcome.DUPLICATE, insert.existing(), Optional.empty());
        }
        InvitationSkip skip = new InvitationSkip(row.id(), survey.id(), contactId, reason, detail, InvitationSkip.Stage.CREATION, now);
        outbox.recordSkip(skip);
        LOG.debug("invitation {} for survey {} skipped at creation: {}", row.id(), survey.id(), reason);
        return new InvitationResult(InvitationResult.Outcome.SKIPPED, row, Optional.of(skip));
    }
}
