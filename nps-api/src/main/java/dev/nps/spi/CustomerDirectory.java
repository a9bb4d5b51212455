package dev.nps.spi;

import java.util.Map;
import java.util.Optional;

/**
 * Looks up a contact's attributes in a CRM or customer database (plan, ARR, account owner...), so that
 * segments, alert rules and workflows can use them. The engine caches the answers; an implementation may be
 * slow but must time out.
 *
 * @since 0.1
 */
public interface CustomerDirectory extends AutoCloseable {

    /** @return the directory's name, e.g. {@code hubspot} */
    String name();

    /**
     * @param contactId the contact's id in the host application, never null
     * @return the contact's attributes (keys as attribute keys, e.g. {@code plan}), or empty when the directory
     *         does not know the contact
     * @throws dev.nps.api.NpsException when the directory cannot be reached (the answer is then not cached)
     */
    Optional<Map<String, String>> attributes(String contactId);

    @Override
    default void close() {}
}
