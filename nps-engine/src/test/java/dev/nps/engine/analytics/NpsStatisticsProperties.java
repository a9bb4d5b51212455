package dev.nps.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nps.api.analytics.Interval;
import dev.nps.api.analytics.IntervalMethod;
import dev.nps.api.analytics.NpsSummary;
import dev.nps.api.analytics.ScoreCounts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class NpsStatisticsProperties {

    @Provide
    Arbitrary<ScoreCounts> counts() {
        return Arbitraries.longs().between(0, 1_000_000).array(long[].class).ofSize(11).map(ScoreCounts::new);
    }

    @Provide
    Arbitrary<ScoreCounts> nonEmptyCounts() {
        return counts().filter(c -> c.total() > 0);
    }

    @Property
    void npsLiesOnTheScale(@ForAll("nonEmptyCounts") ScoreCounts counts) {
        assertThat(counts.nps()).isBetween(-100.0, 100.0);
    }

    @Property
    void waldIntervalStaysOnTheScaleAndContainsTheEstimate(@ForAll("nonEmptyCounts") ScoreCounts counts,
                                                           @ForAll @DoubleRange(min = 0.01, max = 0.999) @net.jqwik.api.constraints.Scale(4) double confidence) {
        Interval ci = NpsStatistics.interval(counts, confidence, IntervalMethod.WALD);
        assertThat(ci.low()).isBetween(-100.0, 100.0);
        assertThat(ci.high()).isBetween(ci.low(), 100.0);
        assertThat(ci.low()).isLessThanOrEqualTo(counts.nps() + 1e-9);
        assertThat(ci.high()).isGreaterThanOrEqualTo(counts.nps() - 1e-9);
    }

    @Property
    void adjustedWaldIntervalStaysOnTheScaleAndContainsTheAdjustedCentre(@ForAll("counts") ScoreCounts counts,
            @ForAll @DoubleRange(min = 0.01, max = 0.999) @net.jqwik.api.constraints.Scale(4) double confidence) {
        Interval ci = NpsStatistics.interval(counts, confidence, IntervalMethod.ADJUSTED_WALD);
        double n = counts.total() + 3;
        double centre = 100 * ((counts.promoters() + 0.75) - (counts.detractors() + 0.75)) / n;
        assertThat(ci.low()).isBetween(-100.0, 100.0);
        assertThat(ci.high()).isBetween(ci.low(), 100.0);
        assertThat(ci.low()).isLessThanOrEqualTo(centre + 1e-9);
        assertThat(ci.high()).isGreaterThanOrEqualTo(centre - 1e-9);
    }

    @Property
    void higherConfidenceNeverNarrowsTheInterval(@ForAll("counts") ScoreCounts counts,
                                                 @ForAll @DoubleRange(min = 0.01, max = 0.99) @net.jqwik.api.constraints.Scale(4) double confidence) {
        Interval narrow = NpsStatistics.interval(counts, confidence, IntervalMethod.ADJUSTED_WALD);
        Interval wide = NpsStatistics.interval(counts, Math.min(0.999, confidence + 0.005), IntervalMethod.ADJUSTED_WALD);
        assertThat(wide.low()).isLessThanOrEqualTo(narrow.low() + 1e-9);
        assertThat(wide.high()).isGreaterThanOrEqualTo(narrow.high() - 1e-9);
    }

    @Property
    void mergingCellsThenSummarisingEqualsSummarisingTheUnion(@ForAll("counts") ScoreCounts a, @ForAll("counts") ScoreCounts b,
            @ForAll @DoubleRange(min = 0.01, max = 0.999) @net.jqwik.api.constraints.Scale(4) double confidence) {
        long[] union = new long[11];
        long[] ha = a.histogram();
        long[] hb = b.histogram();
        for (int i = 0; i < 11; i++) {
            union[i] = ha[i] + hb[i];
        }
        for (IntervalMethod method : IntervalMethod.values()) {
            NpsSummary merged = NpsStatistics.summarize(a.plus(b), confidence, method, 30);
            NpsSummary direct = NpsStatistics.summarize(new ScoreCounts(union), confidence, method, 30);
            assertThat(merged).isEqualTo(direct);
        }
    }

    @Property
    void differenceOfAComparisonIsTheDifferenceOfTheScores(@ForAll("nonEmptyCounts") ScoreCounts a,
                                                           @ForAll("nonEmptyCounts") ScoreCounts b) {
        var c = NpsStatistics.compare(a, b, 0.05);
        assertThat(c.difference()).isCloseTo(a.nps() - b.nps(), within(1e-9));
        assertThat(c.pValue()).isBetween(0.0, 1.0);
        assertThat(c.significant()).isEqualTo(c.pValue() < 0.05);
    }
}
