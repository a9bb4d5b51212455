package dev.nps.engine.reports;

import dev.nps.api.ChannelName;
import dev.nps.api.Response;
import dev.nps.engine.NpsEngine;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** An in-memory engine with three weeks of responses: plan "pro" scores high, plan "free" low. */
final class ReportFixture {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z"); // a Monday
    static final String HOSTILE = "<script>alert(1)</script>";

    private ReportFixture() {}

    static NpsEngine engine(SettableClock clock) {
        NpsEngine nps = NpsEngine.builder().inMemoryStore().discoverProviders(false).clock(clock).build();
        nps.surveys().define("post-purchase").question("How likely are you to recommend us?").save();
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            String plan = i % 3 == 0 ? "pro" : i % 3 == 1 ? "free" : HOSTILE;
            int score = plan.equals("pro") ? 7 + random.nextInt(4) : random.nextInt(11);
            nps.responses().record(Response.builder("post-purchase", score).id("r" + i).attribute("plan", plan)
                    .channel(i % 2 == 0 ? ChannelName.EMAIL : ChannelName.SMS)
                    .comment("comment " + HOSTILE + " =1+1")
                    .answeredAt(NOW.minus(Duration.ofHours(1 + i))).build(NOW));
        }
        return nps;
    }
}
