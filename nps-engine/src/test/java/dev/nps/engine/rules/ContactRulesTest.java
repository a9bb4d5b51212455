package dev.nps.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.NpsException;
import dev.nps.engine.dispatch.InMemoryDispatchStore;
import dev.nps.engine.dispatch.TestNpsStore;
import dev.nps.testkit.SettableClock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactRulesTest {
    private final TestNpsStore store = new TestNpsStore();
    private final InMemoryDispatchStore outbox = new InMemoryDispatchStore();
    private final SettableClock clock = SettableClock.startingMonday();
    private final ContactRules rules = new ContactRules(store, outbox, clock);

    @Test
    void suppressionIsCaseInsensitiveRemovableAndHidesTheAddress() {
        rules.suppress("Ann@Example.com", "hard bounce");
        assertThat(rules.suppression("ann@example.COM")).get().satisfies(s -> {
            assertThat(s.reason()).isEqualTo("hard bounce");
            assertThat(s.at()).isEqualTo(clock.instant());
            assertThat(s.toString()).doesNotContain("ann");
        });
        assertThat(rules.unsuppress("ANN@example.com")).isTrue();
        assertThat(rules.suppression("ann@example.com")).isEmpty();
    }

    @Test
    void rejectsSomethingThatIsNeitherAnEmailNorAPhoneNumber() {
        assertThatThrownBy(() -> rules.suppress("not an address", "x")).isInstanceOf(NpsException.class)
                .hasMessageContaining("contact.phone");
    }

    @Test
    void unsubscribeAndResubscribePerSurveyOrAll() {
        rules.unsubscribe("c-1", Optional.of("a"));
        rules.unsubscribe("c-1", Optional.of("b"));
        rules.unsubscribe("c-1", Optional.of("a"));
        assertThat(rules.unsubscribes("c-1")).hasSize(2);
        assertThat(rules.resubscribe("c-1", Optional.of("a"))).isTrue();
        assertThat(rules.unsubscribes("c-1")).singleElement().satisfies(u -> assertThat(u.covers("b")).isTrue());
        rules.unsubscribe("c-1", Optional.empty());
        assertThat(rules.resubscribe("c-1", Optional.empty())).isTrue();
        assertThat(rules.unsubscribes("c-1")).isEmpty();
        assertThat(rules.resubscribe("c-1", Optional.empty())).isFalse();
    }

    @Test
    void consentPerChannelIsStoredOnTheContact() {
        store.upsertContact(Contact.of("c-1").email("a@example.com").build());
        rules.consent("c-1", ChannelName.EMAIL, false);
        rules.consent("c-1", ChannelName.IN_APP, true);
        assertThat(store.findContact("c-1").get().consent()).containsExactly(ChannelName.IN_APP);
        assertThatThrownBy(() -> rules.consent("nobody", ChannelName.SMS, true)).isInstanceOf(NpsException.class)
                .hasMessageContaining("does not exist");
    }
}
