package dev.nps.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.analytics.Comparison;
import dev.nps.api.analytics.Interval;
import dev.nps.api.analytics.IntervalMethod;
import dev.nps.api.analytics.NpsSummary;
import dev.nps.api.analytics.ScoreCounts;
import org.junit.jupiter.api.Test;

class NpsStatisticsTest {

    /** 1/2 promoters, 1/3 passives, 1/6 detractors over 324 responses: the published worked example. */
    private static final ScoreCounts PUBLISHED = ScoreCounts.ofCategories(54, 108, 162);

    @Test
    void publishedExampleHasNpsOfThirtyThreePointThree() {
        assertThat(PUBLISHED.nps()).isCloseTo(100.0 / 3, within(1e-9));
    }

    @Test
    void publishedExampleHasPerResponseVarianceOfFiveNinths() {
        assertThat(NpsStatistics.variance(PUBLISHED)).isCloseTo(5.0 / 9, within(1e-12));
    }

    @Test
    void publishedExampleHasStandardErrorOfFourPointOneFourPoints() {
        assertThat(NpsStatistics.standardError(PUBLISHED)).isCloseTo(4.14, within(0.005));
    }

    @Test
    void publishedExampleHasWaldIntervalFromTwentyFiveToFortyOne() {
        Interval ci = NpsStatistics.interval(PUBLISHED, 0.95, IntervalMethod.WALD);
        assertThat(ci.low()).isCloseTo(25.2, within(0.05));
        assertThat(ci.high()).isCloseTo(41.4, within(0.05));
        assertThat(ci.confidence()).isEqualTo(0.95);
        assertThat(ci.method()).isEqualTo(IntervalMethod.WALD);
    }

    @Test
    void standardErrorOfOneTwoThreeIsPointThreeZeroFourOnTheUnitScale() {
        assertThat(NpsStatistics.standardError(ScoreCounts.ofCategories(1, 2, 3)) / 100).isCloseTo(0.304, within(0.0005));
    }

    @Test
    void standardErrorOfOneDetractorAndOnePromoterIsPointSevenZeroSeven() {
        assertThat(NpsStatistics.standardError(ScoreCounts.ofCategories(1, 0, 1)) / 100).isCloseTo(0.707, within(0.0005));
    }

    @Test
    void standardErrorOfAUnanimousGroupIsZero() {
        assertThat(NpsStatistics.standardError(ScoreCounts.ofCategories(1, 0, 0))).isZero();
    }

    @Test
    void emptyCountsHaveNoFigures() {
        NpsSummary s = NpsStatistics.summarize(ScoreCounts.EMPTY, 0.95, IntervalMethod.WALD, 30);
        assertThat(s.nps()).isNaN();
        assertThat(s.standardError()).isNaN();
        assertThat(s.interval().low()).isNaN();
        assertThat(s.smallSample()).isTrue();
    }

    @Test
    void adjustedWaldAddsThreeResponsesAndThreeQuartersToEachExtreme() {
        // (1, 2, 3) -> n' = 9, promoters' = 3.75, detractors' = 1.75; centre 2/9, variance 0.561728...
        // half-width 1.959964 * sqrt(0.561728 / 9) = 0.489654, computed by hand.
        Interval ci = NpsStatistics.interval(ScoreCounts.ofCategories(1, 2, 3), 0.95, IntervalMethod.ADJUSTED_WALD);
        assertThat(ci.low()).isCloseTo(-26.743, within(0.001));
        assertThat(ci.high()).isCloseTo(71.188, within(0.001));
        assertThat(ci.method()).isEqualTo(IntervalMethod.ADJUSTED_WALD);
    }

    @Test
    void adjustedWaldGivesAWideIntervalForNoResponses() {
        Interval ci = NpsStatistics.interval(ScoreCounts.EMPTY, 0.95, IntervalMethod.ADJUSTED_WALD);
        assertThat(ci.low()).isCloseTo(-80.02, within(0.01));
        assertThat(ci.high()).isCloseTo(80.02, within(0.01));
    }

    @Test
    void intervalIsClippedToTheScale() {
        Interval ci = NpsStatistics.interval(ScoreCounts.ofCategories(0, 1, 3), 0.99, IntervalMethod.WALD);
        assertThat(ci.high()).isEqualTo(100);
        assertThat(ci.low()).isGreaterThanOrEqualTo(-100);
    }

    @Test
    void comparisonMatchesAHandComputation() {
        // a: NPS 60, variance 0.44; b: NPS 10, variance 0.69; SE = 100 * sqrt(0.0044 + 0.0069) = 10.6301
        Comparison c = NpsStatistics.compare(ScoreCounts.ofCategories(10, 20, 70), ScoreCounts.ofCategories(30, 30, 40), 0.05);
        assertThat(c.difference()).isCloseTo(50, within(1e-9));
        assertThat(c.standardError()).isCloseTo(10.6301, within(1e-4));
        assertThat(c.z()).isCloseTo(4.70360, within(1e-5));
        assertThat(c.pValue()).isCloseTo(2.556e-6, within(1e-9));
        assertThat(c.alpha()).isEqualTo(0.05);
        assertThat(c.significant()).isTrue();
    }

    @Test
    void smallDifferenceIsNotSignificant() {
        Comparison c = NpsStatistics.compare(ScoreCounts.ofCategories(10, 10, 12), ScoreCounts.ofCategories(11, 10, 11), 0.05);
        assertThat(c.pValue()).isGreaterThan(0.05);
        assertThat(c.significant()).isFalse();
    }

    @Test
    void comparisonWithAnEmptySideIsNeverSignificant() {
        Comparison left = NpsStatistics.compare(ScoreCounts.EMPTY, ScoreCounts.ofCategories(0, 0, 1000), 0.05);
        Comparison right = NpsStatistics.compare(ScoreCounts.ofCategories(1000, 0, 0), ScoreCounts.EMPTY, 0.05);
        assertThat(left.significant()).isFalse();
        assertThat(left.pValue()).isEqualTo(1.0);
        assertThat(right.significant()).isFalse();
        assertThat(right.difference()).isNaN();
    }

    @Test
    void unanimousGroupsThatDifferAreCertainlyDifferent() {
        Comparison c = NpsStatistics.compare(ScoreCounts.ofCategories(0, 0, 5), ScoreCounts.ofCategories(5, 0, 0), 0.05);
        assertThat(c.difference()).isEqualTo(200);
        assertThat(c.significant()).isTrue();
        assertThat(c.pValue()).isZero();
    }

    @Test
    void rejectsAlphaOutsideZeroOne() {
        assertThatThrownBy(() -> NpsStatistics.compare(ScoreCounts.EMPTY, ScoreCounts.EMPTY, 1.0))
                .isInstanceOf(NpsException.class).hasMessageContaining("alpha");
    }

    @Test
    void conservativeSampleSizeForFivePointsAtNinetyFivePercentIs1537() {
        assertThat(NpsStatistics.sampleSize(5, 0.95)).isEqualTo(1537);
    }

    @Test
    void sampleSizeUsesTheExpectedShares() {
        assertThat(NpsStatistics.sampleSize(5, 0.95, 0.5, 1.0 / 6)).isEqualTo(854);
    }

    @Test
    void sampleSizeAchievesTheMarginOfError() {
        long n = NpsStatistics.sampleSize(4, 0.9, 0.4, 0.2);
        double variance = 0.6 - 0.04;
        assertThat(NpsStatistics.zFor(0.9) * Math.sqrt(variance / n) * 100).isLessThanOrEqualTo(4.0);
        assertThat(NpsStatistics.zFor(0.9) * Math.sqrt(variance / (n - 1)) * 100).isGreaterThan(4.0);
    }

    @Test
    void rejectsSharesAddingUpToMoreThanOne() {
        assertThatThrownBy(() -> NpsStatistics.sampleSize(5, 0.95, 0.7, 0.4))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("shares");
    }

    @Test
    void rejectsConfidenceOfOne() {
        assertThatThrownBy(() -> NpsStatistics.zFor(1.0)).isInstanceOf(NpsException.class).hasMessageContaining("confidence");
    }

    @Test
    void zForNinetyFivePercentIsOnePointNineSix() {
        assertThat(NpsStatistics.zFor(0.95)).isCloseTo(1.959964, within(1e-6));
    }

    @Test
    void summaryFlagsSmallSamples() {
        assertThat(NpsStatistics.summarize(ScoreCounts.ofCategories(1, 2, 3), 0.95, IntervalMethod.ADJUSTED_WALD, 30).smallSample()).isTrue();
        assertThat(NpsStatistics.summarize(PUBLISHED, 0.95, IntervalMethod.ADJUSTED_WALD, 30).smallSample()).isFalse();
    }
}
