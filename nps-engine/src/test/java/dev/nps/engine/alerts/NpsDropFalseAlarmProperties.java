package dev.nps.engine.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.analytics.ScoreCounts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * With no real change (both periods drawn from the same distribution), the drop rule must raise false alarms at
 * most at its configured level: per test for one segment, and for any segment at all (Benjamini-Hochberg under
 * the global null controls the family-wise rate at alpha).
 */
class NpsDropFalseAlarmProperties {
    private static final int TRIALS = 600;
    // 3.5 binomial standard deviations at alpha 0.10 over 600 trials is about 0.043.
    private static final double TOLERANCE = 0.045;

    @Property(tries = 25)
    void falseAlarmRateStaysWithinAlpha(@ForAll @DoubleRange(min = 0.05, max = 0.7) double promoterShare,
                                        @ForAll @DoubleRange(min = 0.05, max = 0.25) double detractorShare,
                                        @ForAll @IntRange(min = 30, max = 400) int perSide,
                                        @ForAll @IntRange(min = 1, max = 6) int segments,
                                        @ForAll @DoubleRange(min = 0.01, max = 0.10) double alpha,
                                        @ForAll long seed) {
        Random random = new Random(seed);
        int alarms = 0;
        for (int t = 0; t < TRIALS; t++) {
            Map<String, Detectors.Sides> bySegment = new LinkedHashMap<>();
            for (int s = 0; s < segments; s++) {
                bySegment.put("seg" + s, new Detectors.Sides(draw(random, perSide, promoterShare, detractorShare),
                        draw(random, perSide, promoterShare, detractorShare)));
            }
            // minDropPoints 0: the significance test alone decides, the strictest case for the property.
            if (!Detectors.npsDrops(bySegment, 30, 0, alpha).isEmpty()) {
                alarms++;
            }
        }
        assertThat((double) alarms / TRIALS).isLessThanOrEqualTo(alpha + TOLERANCE);
    }

    private static ScoreCounts draw(Random random, int n, double promoterShare, double detractorShare) {
        long[] h = new long[11];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            h[u < promoterShare ? 9 + random.nextInt(2) : u < promoterShare + detractorShare ? random.nextInt(7) : 7 + random.nextInt(2)]++;
        }
        return new ScoreCounts(h);
    }
}
