package dev.nps.engine.links;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.api.internal.Checks;
import dev.nps.engine.rules.Decision;
import dev.nps.engine.rules.Eligibility;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationInsert;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.NpsStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers "should this contact see a survey in the app now?" with the same rules as sent invitations (unsubscribe,
 * consent, fatigue, quiet hours in the contact's zone) for surveys that list the {@code in-app} channel. A prompt
 * shown is an invitation (status sent) with a response token, so the answer is recorded like a link's answer.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class InAppPrompts {
    private final NpsStore store;
    private final DispatchStore outbox;
    private final Eligibility rules;
    private final ResponseLinks links;
    private final Clock clock;
    private final Supplier<String> ids;

    /**
     * A prompt to show.
     *
     * @param survey       the survey
     * @param invitationId the invitation the answer belongs to
     * @param token        the response token to send back with the answer
     * @param locale       the language to show it in (the contact's, else the survey's)
     */
    public record Prompt(Survey survey, String invitationId, String token, java.util.Locale locale) {
        @Override
        public String toString() {
            return "Prompt[survey=" + survey.id() + ", invitation=" + invitationId + "]";
        }
    }

    public InAppPrompts(NpsStore store, DispatchStore outbox, Eligibility rules, ResponseLinks links, Clock clock, Supplier<String> ids) {
        this.store = Checks.notNull(store, "store");
        this.outbox = Checks.notNull(outbox, "dispatchStore");
        this.rules = Checks.notNull(rules, "rules");
        this.links = Checks.notNull(links, "responseLinks");
        this.clock = Checks.notNull(clock, "clock");
        this.ids = Checks.notNull(ids, "ids");
    }

    /**
     * Decides whether to prompt the contact now, and if so records the prompt as shown.
     *
     * @param contactId the contact in front of the app
     * @return the prompt, or empty when no in-app survey may be shown now
     */
    public Optional<Prompt> promptFor(String contactId) {
        Checks.id(contactId, "contactId");
        Optional<Contact> contact = store.findContact(contactId);
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        for (Survey survey : store.listSurveys()) {
            if (!survey.channels().contains(ChannelName.IN_APP)) {
                continue;
            }
            if (!(rules.checkChannel(survey, contact.get(), ChannelName.IN_APP) instanceof Decision.Send)) {
                continue;
            }
            if (rules.sendTime(survey, contact.get(), ChannelName.IN_APP, now).isAfter(now)) {
                continue;
            }
            // One prompt per fatigue window: the key names the window's start, the guard blocks other surveys.
            long window = rules.fatigueWindow(survey).toSeconds();
            String key = "in-app:" + survey.id() + ":" + contactId + ":" + Math.floorDiv(now.getEpochSecond(), window);
            Optional<Invitation> shown = outbox.findInvitationByKey(key);
            if (shown.isPresent()) {
                if (shown.get().status() == InvitationStatus.SENT
                        && store.findResponseByInvitation(shown.get().rootId()).isEmpty()) {
                    return Optional.of(new Prompt(survey, shown.get().id(), links.issue(shown.get()), locale(survey, contact.get())));
                }
                continue;
            }
            String id = ids.get();
            Invitation row = Invitation.pending(id, key, survey.id(), contactId, ChannelName.IN_APP, "in-app", now, now)
                    .asSent(now, 1, "shown in app", Optional.empty());
            InvitationInsert insert = outbox.insertInvitation(row, Optional.of(rules.fatigueGuard(survey, contactId, now)));
            if (insert.status() == InvitationInsert.Status.INSERTED) {
                return Optional.of(new Prompt(survey, id, links.issue(row), locale(survey, contact.get())));
            }
            if (insert.status() == InvitationInsert.Status.DUPLICATE_KEY && insert.existing().status() == InvitationStatus.SENT
                    && store.findResponseByInvitation(insert.existing().rootId()).isEmpty()) {
                return Optional.of(new Prompt(survey, insert.existing().id(), links.issue(insert.existing()), locale(survey, contact.get())));
            }
        }
        return Optional.empty();
    }

    private static java.util.Locale locale(Survey survey, Contact contact) {
        return contact.locale().orElse(survey.language());
    }
}
