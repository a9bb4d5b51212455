package dev.nps.engine.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.analytics.ScoreCounts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixed-seed measurements of the false-alarm rates the docs quote, with no real change between the periods:
 * the rules must be neither liberal nor uselessly conservative. The rates are logged.
 */
class FalseAlarmCalibrationTest {
    private static final Logger LOG = LoggerFactory.getLogger(FalseAlarmCalibrationTest.class);

    @Test
    void npsDropFalseAlarmsAtItsLevelForOneAndSixSegments() {
        for (int segments : new int[] {1, 6}) {
            for (int n : new int[] {30, 1000}) {
                Random random = new Random(1);
                int trials = 10_000;
                int alarms = 0;
                for (int t = 0; t < trials; t++) {
                    Map<String, Detectors.Sides> bySegment = new LinkedHashMap<>();
                    for (int s = 0; s < segments; s++) {
                        bySegment.put("s" + s, new Detectors.Sides(draw(random, n, 0.5, 0.2), draw(random, n, 0.5, 0.2)));
                    }
                    if (!Detectors.npsDrops(bySegment, 30, 0, 0.05).isEmpty()) {
                        alarms++;
                    }
                }
                double rate = (double) alarms / trials;
                LOG.info("NPS drop, alpha 0.05, {} segment(s), {} responses a side: false-alarm rate {}", segments, n, rate);
                assertThat(rate).isBetween(0.035, 0.06);
            }
        }
    }

    @Test
    void fixedThreeSigmaEwmaFalseAlarmsOftenAndTheCalibratedOneDoesNot() {
        Random random = new Random(2);
        int trials = 400;
        int fixed = 0;
        int calibrated = 0;
        for (int t = 0; t < trials; t++) {
            ScoreCounts baseline = draw(random, 400, 0.5, 0.2);
            int[] window = new int[500];
            for (int i = 0; i < window.length; i++) {
                double u = random.nextDouble();
                window[i] = u < 0.5 ? 1 : u < 0.7 ? -1 : 0;
            }
            fixed += AlertStatistics.ewma(baseline, window, 0.1, 3).signalled() ? 1 : 0;
            double width = AlertStatistics.calibratedLimitWidth(baseline, window.length, 0.1, 0.01, 1000, random.nextLong());
            calibrated += AlertStatistics.ewma(baseline, window, 0.1, width).signalled() ? 1 : 0;
        }
        LOG.info("EWMA lambda 0.1 over 500 in-control responses: L=3 false-alarm rate {}, calibrated to 0.01: {}",
                (double) fixed / trials, (double) calibrated / trials);
        assertThat((double) fixed / trials).isGreaterThan(0.2);
        assertThat((double) calibrated / trials).isLessThanOrEqualTo(0.03);
    }

    private static ScoreCounts draw(Random random, int n, double promoters, double detractors) {
        long[] h = new long[11];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            h[u < promoters ? 10 : u < promoters + detractors ? 2 : 8]++;
        }
        return new ScoreCounts(h);
    }
}
