package dev.nps.benchmarks.store;

import dev.nps.api.ChannelName;
import dev.nps.api.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The responses every recording benchmark writes: five surveys, 10,000 contacts, two attributes (plan, region) on
 * each and a comment with an emoji on every third, one second apart. Deterministic: the k-th response is the same
 * in every run, so ours and the peer record the same rows.
 */
final class SampleResponses {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] PLANS = {"free", "pro", "enterprise"};
    private static final ChannelName[] CHANNELS = {ChannelName.EMAIL, ChannelName.SMS, ChannelName.IN_APP, ChannelName.WEB};

    private long next;

    /** The next {@code n} responses of the sequence. */
    List<Response> next(int n) {
        SplittableRandom random = new SplittableRandom(next);
        List<Response> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long k = next++;
            Response.Builder b = Response.builder("survey-" + (k % 5), random.nextInt(11)).id("r-" + k)
                    .contact("c-" + random.nextInt(10_000)).invitation("inv-" + k)
                    .channel(CHANNELS[random.nextInt(CHANNELS.length)]).answeredAt(T0.plusSeconds(k))
                    .attribute("plan", PLANS[random.nextInt(PLANS.length)]).attribute("region", "r" + random.nextInt(20));
            if (k % 3 == 0) {
                b.comment("The delivery was late but support was friendly, thanks! 👍");
            }
            batch.add(b.build(T0));
        }
        return batch;
    }
}
