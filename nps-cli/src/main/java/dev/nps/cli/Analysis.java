package dev.nps.cli;

import dev.nps.api.analytics.ScoreCounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one pass over an export counted: the mergeable score histograms (overall, per period, per segment value)
 * and the rows it could not use, with where they are.
 *
 * @param file            the file as the user named it
 * @param encoding        how the bytes were read
 * @param delimiter       the field separator
 * @param columns         the columns used
 * @param dataRows        records after the header
 * @param overall         every scored row
 * @param skipped         rows without a usable score
 * @param skippedExamples the first few of them
 * @param undated         scored rows whose date could not be read (counted in the NPS, not in the trend)
 * @param undatedExamples the first few of them
 * @param comments        scored rows with a non-blank comment
 * @param period          the trend's period
 * @param trend           period start to counts, in order, gaps not filled
 * @param segments        segment column index to value to counts, values in first-seen order
 * @param overflowed      segment columns that had more distinct values than are tracked (rest lumped)
 */
record Analysis(String file, String encoding, char delimiter, Columns columns, long dataRows, ScoreCounts overall,
                long skipped, List<Problem> skippedExamples, long undated, List<Problem> undatedExamples, long comments,
                Period period, SortedMap<LocalDate, ScoreCounts> trend, Map<Integer, Map<String, ScoreCounts>> segments,
                List<Integer> overflowed) {

    /** A row that could not be used, by the physical line it starts on. */
    record Problem(long line, String reason) {}

    /** Beyond this many periods the trend lists only the periods that have responses. {@value} */
    static final int MAX_FILLED_PERIODS = 520;

    /**
     * @return the trend's periods in order: every period from the first to the last, empty ones included so gaps
     *         show, unless a stray date (say 1900-01-01) would make that list absurdly long
     */
    List<LocalDate> trendPeriods() {
        if (trend.isEmpty()) {
            return List.of();
        }
        List<LocalDate> all = new ArrayList<>();
        for (LocalDate p = trend.firstKey(); !p.isAfter(trend.lastKey()); p = period.next(p)) {
            all.add(p);
            if (all.size() > MAX_FILLED_PERIODS) {
                return List.copyOf(trend.keySet());
            }
        }
        return all;
    }

    Analysis {
        skippedExamples = List.copyOf(skippedExamples);
        undatedExamples = List.copyOf(undatedExamples);
        overflowed = List.copyOf(overflowed);
    }
}
