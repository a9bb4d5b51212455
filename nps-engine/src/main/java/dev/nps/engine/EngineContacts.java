package dev.nps.engine;

import dev.nps.api.Contact;
import dev.nps.api.internal.Checks;
import dev.nps.spi.NpsStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class EngineContacts implements Contacts {
    private static final Logger LOG = LoggerFactory.getLogger(EngineContacts.class);

    private final NpsStore store;
    private final Lifecycle lifecycle;

    EngineContacts(NpsStore store, Lifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    @Override
    public Contact upsert(Contact contact) {
        Checks.notNull(contact, "contact");
        lifecycle.requireOpen();
        store.upsertContact(contact);
        return contact;
    }

    @Override
    public Optional<Contact> find(String contactId) {
        Checks.id(contactId, "contactId");
        lifecycle.requireOpen();
        return store.findContact(contactId);
    }

    @Override
    public boolean erase(String contactId) {
        Checks.id(contactId, "contactId");
        lifecycle.requireOpen();
        boolean erased = store.eraseContact(contactId);
        // An audit trail of erasures is expected; the id is the host's key, not personal data by itself.
        LOG.info("erased personal data of contact {}: {}", contactId, erased ? "done" : "nothing stored");
        return erased;
    }
}
