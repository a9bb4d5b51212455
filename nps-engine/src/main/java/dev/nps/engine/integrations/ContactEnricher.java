package dev.nps.engine.integrations;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.nps.api.Contact;
import dev.nps.api.Response;
import dev.nps.api.internal.Checks;
import dev.nps.spi.CustomerDirectory;
import dev.nps.spi.NpsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches contacts with CRM attributes (plan, ARR, owner) from a {@link CustomerDirectory}, on demand, through
 * a bounded, expiring Caffeine cache (unknown contacts are cached too; failed look-ups are not). As an
 * {@link AttributeSource} it gives a response's attributes, then the stored contact's, then the directory's;
 * earlier sources win. {@link #refreshContact(String)} copies the directory's attributes onto the stored contact,
 * so that analytics segments and period alert rules, which read the store, see them too. Thread-safe.
 *
 * @since 0.1
 */
public final class ContactEnricher implements AttributeSource {
    private static final Logger LOG = LoggerFactory.getLogger(ContactEnricher.class);
    /** Default number of contacts cached. {@value} */
    public static final int DEFAULT_MAXIMUM_SIZE = 10_000;
    /** Default time an answer is kept. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(15);

    private final NpsStore store;
    private final Optional<CustomerDirectory> directory;
    private final Cache<String, Optional<Map<String, String>>> cache;

    /**
     * @param store       the store holding contacts
     * @param directory   the CRM directory, if any
     * @param clock       drives the cache's expiry
     * @param maximumSize contacts cached, at least 1
     * @param expiry      how long an answer is kept, positive
     */
    public ContactEnricher(NpsStore store, Optional<CustomerDirectory> directory, Clock clock, int maximumSize, Duration expiry) {
        this.store = Objects.requireNonNull(store, "store");
        this.directory = Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        if (maximumSize < 1) {
            throw dev.nps.api.NpsException.invalid("maximumSize", "must be at least 1 (got " + maximumSize + ")");
        }
        if (Objects.requireNonNull(expiry, "expiry").isNegative() || expiry.isZero()) {
            throw dev.nps.api.NpsException.invalid("expiry", "must be positive (got " + expiry + ")");
        }
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.cache = Caffeine.newBuilder().ticker(ticker).maximumSize(maximumSize).expireAfterWrite(expiry).build();
    }

    /** @return an enricher with the default cache size and expiry */
    public static ContactEnricher of(NpsStore store, CustomerDirectory directory, Clock clock) {
        return new ContactEnricher(store, Optional.of(directory), clock, DEFAULT_MAXIMUM_SIZE, DEFAULT_EXPIRY);
    }

    /**
     * @param contactId the contact
     * @return the directory's attributes of the contact (empty map when unknown, no directory, or it failed)
     */
    public Map<String, String> directoryAttributes(String contactId) {
        Checks.id(contactId, "contactId");
        if (directory.isEmpty()) {
            return Map.of();
        }
        try {
            return cache.get(contactId, id -> directory.get().attributes(id).map(a -> Checks.attributes(a, "directory attributes")))
                    .orElse(Map.of());
        } catch (RuntimeException e) {
            // Not cached: the next call asks again. The class only, since a message may carry the contact's data.
            LOG.warn("customer directory '{}' failed for contact {} ({}); using the stored attributes only", directory.get().name(),
                    contactId, e.getClass().getName());
            return Map.of();
        }
    }

    @Override
    public Map<String, String> attributesOf(Response response) {
        Map<String, String> merged = new LinkedHashMap<>();
        response.contactId().ifPresent(id -> {
            merged.putAll(directoryAttributes(id));
            store.findContact(id).ifPresent(c -> merged.putAll(c.attributes()));
        });
        merged.putAll(response.attributes());
        return merged;
    }

    /**
     * Copies the directory's current attributes onto the stored contact (the directory wins for its keys).
     *
     * @param contactId the contact
     * @return the contact as now stored, or empty when the store does not know it
     */
    public Optional<Contact> refreshContact(String contactId) {
        cache.invalidate(Checks.id(contactId, "contactId"));
        Map<String, String> crm = directoryAttributes(contactId);
        return store.findContact(contactId).map(c -> {
            if (crm.isEmpty()) {
                return c;
            }
            Contact updated = c.toBuilder().attributes(crm).build();
            store.upsertContact(updated);
            return updated;
        });
    }

    /** Forgets a cached answer (e.g. on a CRM change webhook). */
    public void invalidate(String contactId) {
        cache.invalidate(contactId);
    }
}
