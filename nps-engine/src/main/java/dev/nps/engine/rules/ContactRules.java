package dev.nps.engine.rules;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.InvitationSkip;
import dev.nps.spi.NpsStore;
import dev.nps.spi.Suppression;
import dev.nps.spi.Unsubscribe;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The per-contact rule state a host manages: consent per channel, the suppression list, unsubscribes, and the
 * record of skipped invitations. Thread-safe.
 *
 * @since 0.1
 */
public final class ContactRules {
    private final NpsStore store;
    private final DispatchStore outbox;
    private final Clock clock;

    public ContactRules(NpsStore store, DispatchStore outbox, Clock clock) {
        this.store = Checks.notNull(store, "store");
        this.outbox = Checks.notNull(outbox, "dispatchStore");
        this.clock = Checks.notNull(clock, "clock");
    }

    /**
     * Gives or withdraws a contact's consent to a channel.
     *
     * @return the contact as now stored
     * @throws NpsException {@code NOT_FOUND} when the contact does not exist
     */
    public Contact consent(String contactId, ChannelName channel, boolean given) {
        Checks.id(contactId, "contactId");
        Checks.notNull(channel, "channel");
        Contact c = store.findContact(contactId).orElseThrow(() -> new NpsException(ErrorCode.NOT_FOUND,
                "contact '" + contactId + "' does not exist; upsert it first"));
        // Not toBuilder(): its email()/phone() setters re-add email/SMS consent that was withdrawn earlier.
        java.util.Set<ChannelName> consent = new java.util.LinkedHashSet<>(c.consent());
        if (given) {
            consent.add(channel);
        } else {
            consent.remove(channel);
        }
        Contact updated = new Contact(c.id(), c.email(), c.phone(), c.locale(), c.zone(), c.attributes(), consent,
                c.channelPreference());
        store.upsertContact(updated);
        return updated;
    }

    /**
     * Puts an email address or phone number on the suppression list.
     *
     * @param address the address or E.164 number
     * @param reason  why, without personal data
     */
    public void suppress(String address, String reason) {
        Checks.notBlank(address, "address");
        if (address.contains("@")) {
            Contact.requireEmail(address.strip());
        } else {
            Contact.requirePhone(address.strip());
        }
        outbox.suppress(new Suppression(address, reason, clock.instant()));
    }

    /** @return whether the address was on the list */
    public boolean unsuppress(String address) {
        return outbox.unsuppress(address);
    }

    /** @return the suppression of the address, if any */
    public Optional<Suppression> suppression(String address) {
        return outbox.findSuppression(address);
    }

    /**
     * Unsubscribes a contact from one survey or, with an empty survey, from all.
     */
    public void unsubscribe(String contactId, Optional<String> surveyId) {
        outbox.unsubscribe(new Unsubscribe(contactId, surveyId, clock.instant()));
    }

    /**
     * Undoes an unsubscribe; with an empty survey every unsubscribe of the contact is removed.
     *
     * @return whether anything was removed
     */
    public boolean resubscribe(String contactId, Optional<String> surveyId) {
        Checks.id(contactId, "contactId");
        return outbox.resubscribe(contactId, Checks.notNull(surveyId, "surveyId"));
    }

    /** @return the contact's unsubscribes */
    public List<Unsubscribe> unsubscribes(String contactId) {
        return outbox.findUnsubscribes(contactId);
    }

    /** @return why invitations to the contact were skipped, oldest first */
    public List<InvitationSkip> skips(String contactId) {
        Checks.id(contactId, "contactId");
        return outbox.findSkips(contactId);
    }

    /** @return the newest skip records */
    public List<InvitationSkip> recentSkips(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw NpsException.invalid("limit", "must be 1..10000 (got " + limit + ")");
        }
        return outbox.recentSkips(limit);
    }
}
