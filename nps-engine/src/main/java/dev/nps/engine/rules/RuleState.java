package dev.nps.engine.rules;

import dev.nps.spi.Invitation;
import dev.nps.spi.Unsubscribe;
import java.util.List;

/** Where the rules read a contact's unsubscribes, suppressions and invitations: the store, or a batch's snapshot. */
sealed interface RuleState permits RuleSnapshot, RuleState.Live {

    List<Unsubscribe> unsubscribes(String contactId);

    boolean suppressed(String address);

    /** @return the contact's invitations, at least those sent inside the longest fatigue window */
    List<Invitation> invitations(String contactId);

    /** Reads the store on every question. */
    record Live(dev.nps.spi.DispatchStore store) implements RuleState {
        @Override
        public List<Unsubscribe> unsubscribes(String contactId) {
            return store.findUnsubscribes(contactId);
        }

        @Override
        public boolean suppressed(String address) {
            return store.findSuppression(address).isPresent();
        }

        @Override
        public List<Invitation> invitations(String contactId) {
            return store.findInvitationsByContact(contactId);
        }
    }
}
