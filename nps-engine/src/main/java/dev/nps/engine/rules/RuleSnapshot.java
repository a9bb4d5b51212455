package dev.nps.engine.rules;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.internal.Checks;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.Invitation;
import dev.nps.spi.Suppression;
import dev.nps.spi.Unsubscribe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule state of a batch of contacts (unsubscribes, suppressed addresses, recent sends for the fatigue check),
 * read from the store in three queries instead of three per contact. The dispatcher reads one per claimed batch and
 * tells it what the batch itself changes ({@link #noteSent}, {@link #noteSuppressed}), so a later row of the same
 * batch sees it as it would have seen it in the store. Thread-safe.
 *
 * @since 0.2
 */
public final class RuleSnapshot implements RuleState {
    private final Map<String, List<Unsubscribe>> unsubscribes;
    private final Set<String> suppressed;
    private final Map<String, List<Invitation>> invitations;

    private RuleSnapshot(Map<String, List<Unsubscribe>> unsubscribes, Set<String> suppressed, Map<String, List<Invitation>> invitations) {
        this.unsubscribes = Map.copyOf(unsubscribes);
        this.suppressed = ConcurrentHashMap.newKeySet();
        this.suppressed.addAll(suppressed);
        this.invitations = new ConcurrentHashMap<>(invitations);
    }

    /**
     * Reads the rule state of these contacts.
     *
     * @param store     the dispatch store
     * @param contacts  the contacts
     * @param sentSince the start of the longest fatigue window any of their surveys uses: older sends are not read
     * @return the snapshot
     */
    public static RuleSnapshot read(DispatchStore store, Collection<Contact> contacts, Instant sentSince) {
        Checks.notNull(store, "store");
        Checks.notNull(contacts, "contacts");
        Checks.notNull(sentSince, "sentSince");
        Set<String> ids = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (Contact c : contacts) {
            ids.add(c.id());
            for (ChannelName channel : List.of(ChannelName.EMAIL, ChannelName.SMS)) {
                Eligibility.address(channel, c).ifPresent(addresses::add);
            }
        }
        if (ids.isEmpty()) {
            return new RuleSnapshot(Map.of(), Set.of(), Map.of());
        }
        return new RuleSnapshot(store.findUnsubscribesByContacts(ids),
                addresses.isEmpty() ? Set.of() : store.findSuppressions(addresses).keySet(),
                store.findSentInvitationsByContacts(ids, sentSince));
    }

    @Override
    public List<Unsubscribe> unsubscribes(String contactId) {
        return unsubscribes.getOrDefault(contactId, List.of());
    }

    @Override
    public boolean suppressed(String address) {
        return suppressed.contains(Suppression.normalize(address));
    }

    @Override
    public List<Invitation> invitations(String contactId) {
        return invitations.getOrDefault(contactId, List.of());
    }

    /** Counts an invitation the batch has just sent in later fatigue checks. */
    public void noteSent(Invitation sent) {
        Checks.notNull(sent, "sent");
        invitations.merge(sent.contactId(), List.of(sent), (old, add) -> {
            List<Invitation> all = new ArrayList<>(old);
            all.addAll(add);
            return List.copyOf(all);
        });
    }

    /** Treats an address the batch has just suppressed as suppressed. */
    public void noteSuppressed(String address) {
        suppressed.add(Suppression.normalize(address));
    }
}
