package dev.nps.api.analytics;

import dev.nps.api.Category;
import dev.nps.api.NpsException;
import dev.nps.api.Score;
import java.util.Arrays;

/**
 * The histogram of the eleven scores: the mergeable cell every NPS figure is computed from. Two cells add
 * up ({@link #plus}) across time buckets, segments, partitions and machines.
 *
 * @param histogram counts of scores 0..10 (length 11, none negative); the accessor returns a copy
 * @since 0.1
 */
public record ScoreCounts(long[] histogram) {
    public static final ScoreCounts EMPTY = new ScoreCounts(new long[11]);

    public ScoreCounts {
        if (histogram == null || histogram.length != 11) {
            throw NpsException.invalid("histogram", "must hold exactly 11 counts, for scores 0..10");
        }
        histogram = histogram.clone();
        for (int i = 0; i < 11; i++) {
            if (histogram[i] < 0) {
                throw NpsException.invalid("histogram[" + i + "]", "must not be negative (got " + histogram[i] + ")");
            }
        }
    }

    /** @return counts from detractors, passives and promoters only (placed on scores 0, 7 and 10) */
    public static ScoreCounts ofCategories(long detractors, long passives, long promoters) {
        long[] h = new long[11];
        h[0] = detractors;
        h[7] = passives;
        h[10] = promoters;
        return new ScoreCounts(h);
    }

    /** @return a copy of the eleven counts */
    @Override
    public long[] histogram() {
        return histogram.clone();
    }

    /** @return the count of one score */
    public long count(int score) {
        return histogram[Score.of(score).value()];
    }

    public long detractors() {
        long n = 0;
        for (int i = 0; i <= 6; i++) {
            n += histogram[i];
        }
        return n;
    }

    public long passives() {
        return histogram[7] + histogram[8];
    }

    public long promoters() {
        return histogram[9] + histogram[10];
    }

    public long total() {
        long n = 0;
        for (long c : histogram) {
            n += c;
        }
        return n;
    }

    public long count(Category category) {
        return switch (category) {
            case DETRACTOR -> detractors();
            case PASSIVE -> passives();
            case PROMOTER -> promoters();
        };
    }

    /** @return the NPS on -100..+100, or NaN when there are no responses */
    public double nps() {
        long n = total();
        return n == 0 ? Double.NaN : 100.0 * (promoters() - detractors()) / n;
    }

    /** @return this plus other, cell by cell */
    public ScoreCounts plus(ScoreCounts other) {
        long[] h = histogram.clone();
        for (int i = 0; i < 11; i++) {
            h[i] += other.histogram[i];
        }
        return new ScoreCounts(h);
    }

    /** @return this minus a part of it (for "the rest" of a segment) */
    public ScoreCounts minus(ScoreCounts part) {
        long[] h = histogram.clone();
        for (int i = 0; i < 11; i++) {
            h[i] -= part.histogram[i];
            if (h[i] < 0) {
                throw NpsException.invalid("part", "is not contained in these counts (score " + i + ")");
            }
        }
        return new ScoreCounts(h);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreCounts other && Arrays.equals(histogram, other.histogram);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(histogram);
    }

    @Override
    public String toString() {
        return "ScoreCounts" + Arrays.toString(histogram);
    }
}
