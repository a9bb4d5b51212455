package dev.nps.engine.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Contact;
import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.spi.CustomerDirectory;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ContactEnricherTest {
    private final SettableClock clock = SettableClock.startingMonday();
    private final InMemoryStore store = new InMemoryStore();
    private final List<String> lookups = new ArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final CustomerDirectory crm = new CustomerDirectory() {
        @Override
        public String name() {
            return "crm";
        }

        @Override
        public Optional<Map<String, String>> attributes(String contactId) {
            lookups.add(contactId);
            if (down.get()) {
                throw new IllegalStateException("crm down");
            }
            return contactId.equals("c-1") ? Optional.of(Map.of("plan", "enterprise", "arr", "120000", "owner", "ann")) : Optional.empty();
        }
    };
    private final ContactEnricher enricher = new ContactEnricher(store, Optional.of(crm), clock, 100, Duration.ofMinutes(15));

    @Test
    void cachesAnswersIncludingUnknownContactsUntilTheyExpire() {
        assertThat(enricher.directoryAttributes("c-1")).containsEntry("plan", "enterprise");
        assertThat(enricher.directoryAttributes("c-1")).containsEntry("arr", "120000");
        assertThat(enricher.directoryAttributes("c-9")).isEmpty();
        assertThat(enricher.directoryAttributes("c-9")).isEmpty();
        assertThat(lookups).containsExactly("c-1", "c-9");
        clock.advance(Duration.ofMinutes(16));
        enricher.directoryAttributes("c-1");
        assertThat(lookups).containsExactly("c-1", "c-9", "c-1");
    }

    @Test
    void aFailedLookupIsNotCached() {
        down.set(true);
        assertThat(enricher.directoryAttributes("c-1")).isEmpty();
        down.set(false);
        assertThat(enricher.directoryAttributes("c-1")).containsEntry("plan", "enterprise");
        assertThat(lookups).hasSize(2);
    }

    @Test
    void responseThenContactThenDirectoryAttributesWin() {
        store.upsertContact(Contact.of("c-1").attribute("plan", "pro").build());
        Response r = Response.builder("s", 3).id("r-1").contact("c-1").attribute("region", "eu").build(clock.instant());
        assertThat(enricher.attributesOf(r)).containsEntry("plan", "pro").containsEntry("arr", "120000").containsEntry("region", "eu");
    }

    @Test
    void refreshCopiesDirectoryAttributesOntoTheStoredContactForSegments() {
        store.upsertContact(Contact.of("c-1").attribute("plan", "pro").build());
        store.insertResponse(Response.builder("s", 3).id("r-1").contact("c-1").build(clock.instant()));
        enricher.refreshContact("c-1");
        assertThat(store.findContact("c-1").orElseThrow().attributes()).containsEntry("plan", "enterprise").containsEntry("owner", "ann");
        List<String> segments = new ArrayList<>();
        store.scan(ResponseFilter.ALL, List.of("plan"), (score, at, groups) -> segments.add(groups[0]));
        assertThat(segments).containsExactly("enterprise");
    }
}
