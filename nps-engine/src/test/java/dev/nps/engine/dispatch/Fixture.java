package dev.nps.engine.dispatch;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.engine.rules.Eligibility;
import dev.nps.engine.rules.FatiguePolicy;
import dev.nps.spi.Channel;
import dev.nps.testkit.SettableClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** Wires the pipeline by hand for tests: settable clock, test store, in-memory outbox, recording channels. */
final class Fixture {
    // A Tuesday 10:00 UTC: outside the default quiet hours for UTC contacts.
    final SettableClock clock = new SettableClock(Instant.parse("2026-01-06T10:00:00Z"));
    final TestNpsStore store = new TestNpsStore();
    final InMemoryDispatchStore outbox = new InMemoryDispatchStore();
    final RecordingChannel email = RecordingChannel.email();
    final RecordingChannel sms = RecordingChannel.sms();
    final Map<ChannelName, Channel> channels = new LinkedHashMap<>();
    final AtomicLong ids = new AtomicLong();
    FatiguePolicy fatigue = FatiguePolicy.DEFAULT;

    Fixture() {
        channels.put(ChannelName.EMAIL, email);
        channels.put(ChannelName.SMS, sms);
    }

    Eligibility rules() {
        return new Eligibility(outbox, channels, fatigue, Eligibility.defaultQuietHours(), ZoneOffset.UTC);
    }

    Invitations invitations() {
        return new Invitations(store, outbox, rules(), clock, () -> "inv-" + ids.incrementAndGet(), ZoneOffset.UTC);
    }

    Dispatcher.Builder dispatcher(String owner) {
        Dispatcher.Builder b = Dispatcher.builder().store(store).dispatchStore(outbox).clock(clock).owner(owner)
                .rules(rules()).random(new Random(42));
        channels.values().forEach(b::channel);
        return b;
    }

    Survey survey(String id) {
        Survey s = Survey.builder(id).sendVia(ChannelName.EMAIL).fallbackTo(ChannelName.SMS).triggeredBy("order.completed").build();
        store.saveSurvey(s);
        return s;
    }

    Survey save(Survey s) {
        store.saveSurvey(s);
        return s;
    }

    Contact contact(String id) {
        Contact c = Contact.of(id).email(id + "@example.com").build();
        store.upsertContact(c);
        return c;
    }

    Contact save(Contact c) {
        store.upsertContact(c);
        return c;
    }
}
