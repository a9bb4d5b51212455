package dev.nps.engine.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nps.api.analytics.ScoreCounts;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class AlertStatisticsTest {

    @Test
    void benjaminiHochbergRejectsUpToTheLargestPValueUnderItsLine() {
        // Sorted p: 0.01 <= 0.0125, 0.02 <= 0.025, 0.04 > 0.0375, 0.045 <= 0.05: the largest k is 4, so all four go.
        assertThat(AlertStatistics.benjaminiHochberg(List.of(0.045, 0.01, 0.04, 0.02), 0.05)).containsExactly(true, true, true, true);
        assertThat(AlertStatistics.benjaminiHochberg(List.of(0.2, 0.01, 0.04, 0.03), 0.05)).containsExactly(false, true, false, false);
        assertThat(AlertStatistics.benjaminiHochberg(List.of(), 0.05)).isEmpty();
    }

    @Test
    void npsDropIsOneSided() {
        ScoreCounts high = ScoreCounts.ofCategories(20, 30, 50);
        ScoreCounts low = ScoreCounts.ofCategories(40, 30, 30);
        AlertStatistics.Drop drop = AlertStatistics.npsDrop(low, high);
        assertThat(drop.difference()).isEqualTo(-40.0);
        assertThat(drop.pValue()).isLessThan(0.001);
        assertThat(AlertStatistics.npsDrop(high, low).pValue()).as("a rise is no drop").isGreaterThan(0.999);
        assertThat(AlertStatistics.npsDrop(ScoreCounts.EMPTY, high).pValue()).isEqualTo(1.0);
    }

    @Test
    void shareIncreaseMatchesThePooledTwoProportionTest() {
        // 40/100 against 10/100: pooled 0.25, se = sqrt(0.25*0.75*0.02) = 0.0612, z = 4.90.
        AlertStatistics.Drop d = AlertStatistics.shareIncrease(40, 100, 10, 100);
        assertThat(d.difference()).isCloseTo(30.0, within(1e-9));
        assertThat(d.standardError()).isCloseTo(6.124, within(1e-3));
        assertThat(d.pValue()).isCloseTo(4.8e-7, within(1e-7));
        assertThat(AlertStatistics.shareIncrease(0, 0, 1, 10).pValue()).isEqualTo(1.0);
    }

    @Test
    void ewmaSignalsASustainedDropAndNotAStableStream() {
        ScoreCounts baseline = ScoreCounts.ofCategories(200, 300, 500);
        int[] stable = new int[200];
        int[] dropped = new int[200];
        for (int i = 0; i < 200; i++) {
            stable[i] = i % 10 < 5 ? 1 : i % 10 < 8 ? 0 : -1;
            dropped[i] = i % 10 < 2 ? 1 : i % 10 < 5 ? 0 : -1;
        }
        assertThat(AlertStatistics.ewma(baseline, stable, 0.1, 3).signalled()).isFalse();
        AlertStatistics.Ewma chart = AlertStatistics.ewma(baseline, dropped, 0.1, 3);
        assertThat(chart.signalled()).isTrue();
        assertThat(chart.centre()).isEqualTo(30.0);
        assertThat(chart.last()).isLessThan(chart.lowerLimit());
    }

    /**
     * In control (window and baseline from the same shares), the calibrated chart false-alarms at most at its
     * level; the fixed normal-theory width L = 3 does not (see {@link AlertStatistics#calibratedLimitWidth}).
     */
    @Property(tries = 8)
    void calibratedEwmaFalseAlarmsStayWithinAlpha(@ForAll @DoubleRange(min = 0.1, max = 0.7) double promoters,
                                                  @ForAll @DoubleRange(min = 0.03, max = 0.25) double detractors,
                                                  @ForAll @net.jqwik.api.constraints.IntRange(min = 50, max = 400) int window,
                                                  @ForAll long seed) {
        Random random = new Random(seed);
        double alpha = 0.02;
        int trials = 300;
        int alarms = 0;
        for (int t = 0; t < trials; t++) {
            long[] h = new long[11];
            for (int i = 0; i < 300; i++) {
                int x = draw(random, promoters, detractors);
                h[x == 1 ? 10 : x == 0 ? 8 : 2]++;
            }
            int[] recent = new int[window];
            for (int i = 0; i < recent.length; i++) {
                recent[i] = draw(random, promoters, detractors);
            }
            ScoreCounts baseline = new ScoreCounts(h);
            double width = AlertStatistics.calibratedLimitWidth(baseline, window, 0.1, alpha, 1000, random.nextLong());
            if (AlertStatistics.ewma(baseline, recent, 0.1, width).signalled()) {
                alarms++;
            }
        }
        // 3.5 binomial standard deviations at 0.02 over 300 trials is about 0.028.
        assertThat((double) alarms / trials).isLessThanOrEqualTo(alpha + 0.03);
    }

    private static int draw(Random random, double promoters, double detractors) {
        double u = random.nextDouble();
        return u < promoters ? 1 : u < promoters + detractors ? -1 : 0;
    }
}
