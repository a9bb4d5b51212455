package dev.nps.cli;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.analytics.ScoreCounts;
import dev.nps.cli.internal.CsvReader;
import dev.nps.cli.internal.TextSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Analyses an export in two streaming passes: the first reads the header and a bounded sample to choose the
 * columns, the second counts every row into score histograms. No pass holds more than the sample in memory, so a
 * file larger than memory is fine.
 */
final class ExportAnalyzer {
    /** Data rows read to choose the columns. {@value} */
    static final int DEFAULT_SAMPLE_ROWS = 1000;
    /** Rows reported by line number, per kind of problem. {@value} */
    static final int EXAMPLES = 5;
    /** Distinct values tracked per segment column; later ones are lumped into {@link #OTHER}. {@value} */
    static final int MAX_TRACKED_VALUES = 100;
    static final String OTHER = "(other values)";
    static final String BLANK = "(blank)";

    private final int sampleRows;

    ExportAnalyzer(int sampleRows) {
        if (sampleRows < 1) {
            throw NpsException.invalid("sampleRows", "must be positive (got " + sampleRows + ")");
        }
        this.sampleRows = sampleRows;
    }

    Analysis analyze(Path file, String displayName, Charset charset, Character delimiterOverride,
                     ColumnDetector.Overrides overrides, ZoneId zone, Period period) throws IOException {
        TextSource.Encoding encoding = TextSource.detectEncoding(file, charset);
        char delimiter = delimiterOverride != null ? delimiterOverride : TextSource.detectDelimiter(file, encoding);

        List<String> headers;
        List<List<String>> sample = new ArrayList<>();
        try (CsvReader reader = new CsvReader(TextSource.open(file, encoding), delimiter)) {
            headers = reader.next();
            if (headers == null) {
                throw new NpsException(ErrorCode.INVALID_ARGUMENT, displayName + " is empty; export the responses "
                        + "with a header row first");
            }
            headers = cleanHeaders(headers);
            List<String> row;
            while (sample.size() < sampleRows && (row = reader.next()) != null) {
                sample.add(row);
            }
        }
        Columns columns = new ColumnDetector(headers, sample, zone).detect(overrides);
        sample = null; // the sample is only for detection; let it go before the long pass

        long[] overall = new long[11];
        long dataRows = 0;
        long skipped = 0;
        long undated = 0;
        long comments = 0;
        List<Analysis.Problem> skippedExamples = new ArrayList<>();
        List<Analysis.Problem> undatedExamples = new ArrayList<>();
        Map<LocalDate, long[]> trend = new HashMap<>();
        Map<Integer, Map<String, long[]>> segments = new LinkedHashMap<>();
        for (int s : columns.segments()) {
            segments.put(s, new LinkedHashMap<>());
        }
        List<Integer> overflowed = new ArrayList<>();
        int score = columns.score();
        int date = columns.date();
        int comment = columns.comment();
        try (Reader text = TextSource.open(file, encoding); CsvReader reader = new CsvReader(text, delimiter)) {
            reader.next(); // header
            List<String> row;
            while ((row = reader.next()) != null) {
                dataRows++;
                long line = reader.recordLine();
                ScoreReading reading = score < row.size() ? ScoreReading.of(row.get(score))
                        : new ScoreReading(-1, "the row has " + row.size() + " field" + (row.size() == 1 ? "" : "s")
                          + " and no score (the header has " + headers.size() + ")");
                if (!reading.valid()) {
                    skipped++;
                    if (skippedExamples.size() < EXAMPLES) {
                        skippedExamples.add(new Analysis.Problem(line, reading.problem()));
                    }
                    continue;
                }
                int s = reading.score();
                overall[s]++;
                if (date >= 0) {
                    String raw = date < row.size() ? row.get(date) : "";
                    LocalDate day = raw.isBlank() ? null : columns.dateFormat().toDate(raw, zone);
                    if (day == null) {
                        undated++;
                        if (undatedExamples.size() < EXAMPLES) {
                            undatedExamples.add(new Analysis.Problem(line, raw.isBlank() ? "date is blank"
                                    : "date '" + ScoreReading.shorten(raw.strip()) + "' does not match "
                                      + columns.dateFormat().shortName()));
                        }
                    } else {
                        trend.computeIfAbsent(period.start(day), k -> new long[11])[s]++;
                    }
                }
                if (comment >= 0 && comment < row.size() && !row.get(comment).isBlank()) {
                    comments++;
                }
                for (Map.Entry<Integer, Map<String, long[]>> e : segments.entrySet()) {
                    int c = e.getKey();
                    String value = c < row.size() ? row.get(c).strip() : "";
                    if (value.isEmpty()) {
                        value = BLANK;
                    }
                    Map<String, long[]> cells = e.getValue();
                    long[] cell = cells.get(value);
                    if (cell == null) {
                        if (cells.size() >= MAX_TRACKED_VALUES) {
                            value = OTHER;
                            if (!overflowed.contains(c)) {
                                overflowed.add(c);
                            }
                        }
                        cell = cells.computeIfAbsent(value, k -> new long[11]);
                    }
                    cell[s]++;
                }
            }
        }

        SortedMap<LocalDate, ScoreCounts> trendCounts = new TreeMap<>();
        trend.forEach((k, v) -> trendCounts.put(k, new ScoreCounts(v)));
        Map<Integer, Map<String, ScoreCounts>> segmentCounts = new LinkedHashMap<>();
        segments.forEach((c, cells) -> {
            Map<String, ScoreCounts> m = new LinkedHashMap<>();
            cells.forEach((v, h) -> m.put(v, new ScoreCounts(h)));
            segmentCounts.put(c, Collections.unmodifiableMap(m));
        });
        return new Analysis(displayName, encoding.reason(), delimiter, columns, dataRows, new ScoreCounts(overall),
                skipped, skippedExamples, undated, undatedExamples, comments, period,
                Collections.unmodifiableSortedMap(trendCounts), Collections.unmodifiableMap(segmentCounts), overflowed);
    }

    /** Blank headers get a name a person can pass back with --score-col and friends. */
    private static List<String> cleanHeaders(List<String> raw) {
        List<String> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String h = raw.get(i).strip();
            out.add(h.isEmpty() ? "column " + (i + 1) : h);
        }
        return out;
    }
}
