package dev.nps.engine;

import dev.nps.api.Contact;
import java.util.Optional;

/**
 * Stores and erases the people who may be surveyed. Reached through {@link NpsEngine#contacts()}. Thread-safe.
 *
 * @since 0.1
 */
public interface Contacts {

    /**
     * Inserts or replaces a contact.
     *
     * @param contact the contact, never null
     * @return the contact as stored
     */
    Contact upsert(Contact contact);

    /**
     * Builds and upserts a contact.
     *
     * @param contact the builder, never null
     * @return the contact as stored
     */
    default Contact upsert(Contact.Builder contact) {
        if (contact == null) {
            throw dev.nps.api.NpsException.invalid("contact", "must not be null");
        }
        return upsert(contact.build());
    }

    /**
     * @param contactId the id, never null
     * @return the contact, if stored
     */
    Optional<Contact> find(String contactId);

    /**
     * Erases a contact's personal data everywhere (the right to erasure): the contact, and the comments,
     * attributes and contact link of its responses. Scores stay, so past figures still add up.
     *
     * @param contactId the id, never null
     * @return whether anything was erased
     */
    boolean erase(String contactId);
}
