package dev.nps.http.dashboard;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Response;
import dev.nps.engine.NpsEngine;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** An engine with 200 responses over 20 days: plan pro high, free low; one hostile comment. */
final class DashboardFixture {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String TOKEN = "test-token-0123456789abcdef";
    static final String HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>";

    private DashboardFixture() {}

    static NpsEngine engine(SettableClock clock) {
        NpsEngine nps = NpsEngine.builder().inMemoryStore().discoverProviders(false).clock(clock).build();
        nps.surveys().define("post-purchase").question("How likely are you to recommend us?").save();
        nps.surveys().define("support").question("How likely are you to recommend our support?").save();
        nps.contacts().upsert(Contact.of("c-1").email("ann@example.com").attribute("plan", "pro").build());
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            String plan = i % 2 == 0 ? "pro" : "free";
            int score = plan.equals("pro") ? 6 + random.nextInt(5) : random.nextInt(9);
            Response.Builder b = Response.builder(i % 5 == 0 ? "support" : "post-purchase", score).id("r" + i)
                    .attribute("plan", plan).channel(i % 3 == 0 ? ChannelName.SMS : ChannelName.EMAIL)
                    .answeredAt(NOW.minus(Duration.ofHours(2 + i * 2L)));
            if (i % 4 == 0) {
                b.comment(i == 0 ? HOSTILE : "comment number " + i);
            }
            nps.responses().record(b.build(NOW));
        }
        return nps;
    }
}
