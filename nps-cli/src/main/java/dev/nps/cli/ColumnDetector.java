package dev.nps.cli;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides, from the header and a bounded sample of the first rows, which column holds the score, the date, the
 * comment and the segments. Every decision can be overridden; an override naming a column that does not exist
 * is an error listing the headers.
 */
final class ColumnDetector {
    /** A segment column has at most this many distinct values in the sample. {@value} */
    static final int MAX_SEGMENT_VALUES = 20;

    private static final Pattern SCORE_HEADER = Pattern.compile("score|nps|rating|likelihood|likely|recommend");
    private static final Pattern DATE_HEADER = Pattern.compile("date|time|submitted|created|responded|completed|answered|_at\\b| at$");
    /** When several columns hold dates, the one saying when the answer came in wins (Qualtrics: EndDate). */
    private static final Pattern RESPONSE_TIME_HEADER = Pattern.compile("respon|submit|complet|answer|recorded|(^|[^a-z])end");
    private static final Pattern COMMENT_HEADER = Pattern.compile("comment|feedback|reason|why|verbatim|text|explain|tell us|improve|open");
    private static final Pattern ID_HEADER = Pattern.compile("(^|[^a-z])(id|uuid|guid|key)([^a-z]|$)|e-?mail|phone|token|url|ip address");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

    private final List<String> headers;
    private final List<List<String>> sample;
    private final ZoneId zone;

    /**
     * @param headers the header row
     * @param sample  the first data rows (bounded by the caller)
     * @param zone    zone that defines days, used to order dates when telling dd/MM from MM/dd
     */
    ColumnDetector(List<String> headers, List<List<String>> sample, ZoneId zone) {
        this.headers = List.copyOf(headers);
        this.sample = sample;
        this.zone = zone;
    }

    /** Overrides from the command line; null or empty means detect. */
    record Overrides(String scoreCol, String commentCol, String dateCol, List<String> segments, String datePattern) {
        Overrides {
            segments = segments == null ? List.of() : List.copyOf(segments);
        }

        static Overrides none() {
            return new Overrides(null, null, null, List.of(), null);
        }
    }

    Columns detect(Overrides o) {
        int score;
        String scoreWhy;
        if (o.scoreCol() != null) {
            score = indexOf(o.scoreCol(), "--score-col");
            scoreWhy = "--score-col";
        } else {
            score = detectScore();
            if (score < 0) {
                throw new NpsException(ErrorCode.INVALID_ARGUMENT, "no score column found: no header mentions a score "
                        + "(score, nps, rating, likelihood, recommend) and no column holds whole numbers 0-10. "
                        + "Headers seen: " + quoted(headers) + ". Pass --score-col NAME to choose one.");
            }
            scoreWhy = SCORE_HEADER.matcher(lower(headers.get(score))).find()
                    ? "header names a score; values are 0-10" : "no header names a score; its values are whole numbers 0-10";
        }
        Set<Integer> taken = new HashSet<>();
        taken.add(score);

        int date = -1;
        DateFormat format = null;
        String dateWhy = null;
        DateFormat userFormat = null;
        if (o.datePattern() != null) {
            try {
                userFormat = DateFormat.ofPattern(o.datePattern());
            } catch (IllegalArgumentException e) {
                throw new NpsException(ErrorCode.INVALID_ARGUMENT, "--date-format '" + o.datePattern()
                        + "' is not a valid pattern (" + e.getMessage() + "); use letters such as dd/MM/yyyy HH:mm");
            }
        }
        List<DateFormat> candidates = userFormat == null ? DateFormat.KNOWN : List.of(userFormat);
        if (o.dateCol() != null) {
            date = indexOf(o.dateCol(), "--date-col");
            if (date == score) {
                throw new NpsException(ErrorCode.INVALID_ARGUMENT, "--date-col names the score column '" + headers.get(date) + "'; choose another");
            }
            DateChoice choice = chooseFormat(date, candidates);
            if (choice == null) {
                throw new NpsException(ErrorCode.INVALID_ARGUMENT, "--date-col '" + headers.get(date) + "': its values "
                        + "(e.g. " + examples(date) + ") match none of " + names(candidates)
                        + "; pass --date-format with a pattern such as dd/MM/yyyy HH:mm");
            }
            format = choice.format;
            dateWhy = "--date-col; " + choice.why;
        } else {
            DateChoice best = null;
            for (int c = 0; c < headers.size(); c++) {
                if (c == score) {
                    continue;
                }
                DateChoice choice = chooseFormat(c, candidates);
                if (choice != null && (best == null || datePreference(c) > datePreference(best.column))) {
                    best = choice;
                }
            }
            if (best != null) {
                date = best.column;
                format = best.format;
                dateWhy = best.why;
            } else if (userFormat != null) {
                throw new NpsException(ErrorCode.INVALID_ARGUMENT, "--date-format '" + o.datePattern()
                        + "' fits no column's values; check the pattern or pass --date-col");
            }
        }
        if (date >= 0) {
            taken.add(date);
        }

        int comment;
        if (o.commentCol() != null) {
            comment = indexOf(o.commentCol(), "--comment-col");
        } else {
            comment = detectComment(taken);
        }
        if (comment >= 0) {
            taken.add(comment);
        }

        List<Integer> segments = new ArrayList<>();
        if (!o.segments().isEmpty()) {
            for (String s : o.segments()) {
                int idx = indexOf(s, "--segment");
                if (idx == score) {
                    throw new NpsException(ErrorCode.INVALID_ARGUMENT, "--segment '" + s + "' is the score column; choose another");
                }
                if (!segments.contains(idx)) {
                    segments.add(idx);
                }
            }
        } else {
            for (int c = 0; c < headers.size(); c++) {
                if (!taken.contains(c) && looksLikeSegment(c)) {
                    segments.add(c);
                }
            }
        }
        return new Columns(headers, score, scoreWhy, date, format, dateWhy, comment, segments);
    }

    private int detectScore() {
        int best = -1;
        double bestShare = 0;
        for (int c = 0; c < headers.size(); c++) {
            if (!SCORE_HEADER.matcher(lower(headers.get(c))).find()) {
                continue;
            }
            List<String> values = nonBlank(c);
            if (values.isEmpty()) {
                continue;
            }
            double share = (double) values.stream().filter(v -> ScoreReading.of(v).valid()).count() / values.size();
            // Messy rows ("ten", 11) must not hide the score column; a text column such as "NPS category" must not win.
            if (share >= 0.5 && share > bestShare) {
                best = c;
                bestShare = share;
            }
        }
        if (best >= 0) {
            return best;
        }
        if (sample.isEmpty()) {
            // A header-only export: trust the header, the report will say there are no responses.
            for (int c = 0; c < headers.size(); c++) {
                if (SCORE_HEADER.matcher(lower(headers.get(c))).find()) {
                    return c;
                }
            }
        }
        // Several columns may hold only 0-10 (a 1-5 satisfaction question, a yes/no as 0/1): the one using most of
        // the eleven points is the likelier NPS question; on a tie the first.
        int fallback = -1;
        long fallbackDistinct = 0;
        for (int c = 0; c < headers.size(); c++) {
            if (ID_HEADER.matcher(lower(headers.get(c))).find()) {
                continue;
            }
            List<String> values = nonBlank(c);
            long invalid = values.stream().filter(v -> !ScoreReading.of(v).valid()).count();
            // Allow a couple of stray cells: Qualtrics and SurveyMonkey put extra header rows above the data.
            if (!values.isEmpty() && invalid <= 2 + values.size() / 100 && invalid * 2 < values.size()) {
                long distinct = values.stream().map(ScoreReading::of).filter(ScoreReading::valid)
                        .mapToInt(ScoreReading::score).distinct().count();
                if (distinct > fallbackDistinct) {
                    fallback = c;
                    fallbackDistinct = distinct;
                }
            }
        }
        return fallback;
    }

    private record DateChoice(int column, DateFormat format, String why) {}

    private DateChoice chooseFormat(int column, List<DateFormat> candidates) {
        List<String> values = nonBlank(column);
        if (values.isEmpty()) {
            return null;
        }
        List<DateFormat> fitting = new ArrayList<>();
        Map<DateFormat, Long> parsed = new HashMap<>();
        for (DateFormat f : candidates) {
            long ok = values.stream().filter(v -> f.toDate(v, zone) != null).count();
            // Allow a couple of stray cells (extra header rows, a typo), but the column must be dates through and through.
            if (ok * 2 > values.size() && values.size() - ok <= 2 + values.size() / 100) {
                fitting.add(f);
                parsed.put(f, ok);
            }
        }
        if (fitting.isEmpty()) {
            return null;
        }
        if (fitting.contains(DateFormat.DAY_FIRST) && fitting.contains(DateFormat.MONTH_FIRST)
                && !parsed.get(DateFormat.DAY_FIRST).equals(parsed.get(DateFormat.MONTH_FIRST))) {
            // A value such as 25/03 or 03/25 fits only one reading: that settles it.
            fitting.remove(parsed.get(DateFormat.DAY_FIRST) > parsed.get(DateFormat.MONTH_FIRST)
                    ? DateFormat.MONTH_FIRST : DateFormat.DAY_FIRST);
        }
        if (fitting.contains(DateFormat.DAY_FIRST) && fitting.contains(DateFormat.MONTH_FIRST)) {
            long dayFirstGaps = orderGaps(values, DateFormat.DAY_FIRST);
            long monthFirstGaps = orderGaps(values, DateFormat.MONTH_FIRST);
            DateFormat chosen = monthFirstGaps < dayFirstGaps ? DateFormat.MONTH_FIRST : DateFormat.DAY_FIRST;
            DateFormat other = chosen == DateFormat.DAY_FIRST ? DateFormat.MONTH_FIRST : DateFormat.DAY_FIRST;
            String evidence = dayFirstGaps == monthFirstGaps
                    ? "the sample gives no evidence either way, so the day-first default was used"
                    : "read that way the rows are closer to date order (" + Math.min(dayFirstGaps, monthFirstGaps)
                      + " vs " + Math.max(dayFirstGaps, monthFirstGaps) + " days between neighbouring rows)";
            return new DateChoice(column, chosen, "every sampled value fits both dd/MM/yyyy and MM/dd/yyyy; chose "
                    + chosen.shortName() + " because " + evidence + ". If that is wrong, --date-format "
                    + other.shortName() + " settles it");
        }
        DateFormat f = fitting.get(0);
        String example = ScoreReading.shorten(values.stream().filter(v -> f.toDate(v, zone) != null).findFirst()
                .orElse(values.get(0)).strip());
        String how = f == DateFormat.ISO
                ? "read as ISO 8601 (e.g. '" + example + "'); times with an offset are converted to " + zone.getId()
                  + ", times without one are taken as " + zone.getId()
                : "read as " + f.shortName() + " with an optional time (e.g. '" + example + "'), taken as " + zone.getId();
        return new DateChoice(column, f, how);
    }

    /** Sum of the day gaps between neighbouring rows: exports are written in time order, so smaller is likelier. */
    private long orderGaps(List<String> values, DateFormat f) {
        long sum = 0;
        LocalDate previous = null;
        for (String v : values) {
            LocalDate d = f.toDate(v, zone);
            if (d == null) {
                continue;
            }
            if (previous != null) {
                sum += Math.abs(ChronoUnit.DAYS.between(previous, d));
            }
            previous = d;
        }
        return sum;
    }

    private int datePreference(int column) {
        String h = lower(headers.get(column));
        int p = DATE_HEADER.matcher(h).find() ? 2 : 0;
        if (RESPONSE_TIME_HEADER.matcher(h).find()) {
            p += 1;
        }
        return p;
    }

    private int detectComment(Set<Integer> taken) {
        int best = -1;
        double bestScore = 0;
        for (int c = 0; c < headers.size(); c++) {
            if (taken.contains(c)) {
                continue;
            }
            List<String> values = nonBlank(c);
            if (values.isEmpty()) {
                continue;
            }
            double avgLength = values.stream().mapToInt(String::length).average().orElse(0);
            double withSpaces = (double) values.stream().filter(v -> v.strip().indexOf(' ') > 0).count() / values.size();
            long distinct = values.stream().distinct().count();
            boolean free = avgLength >= 15 && withSpaces >= 0.5 && distinct >= Math.min(values.size(), 3)
                    && (distinct > MAX_SEGMENT_VALUES || distinct * 2 > values.size());
            if (!free) {
                continue;
            }
            double s = avgLength * (COMMENT_HEADER.matcher(lower(headers.get(c))).find() ? 2 : 1);
            if (s > bestScore) {
                best = c;
                bestScore = s;
            }
        }
        return best;
    }

    private boolean looksLikeSegment(int c) {
        if (ID_HEADER.matcher(lower(headers.get(c))).find()) {
            return false;
        }
        List<String> values = nonBlank(c);
        if (values.isEmpty()) {
            return false;
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String v : values) {
            distinct.add(v.strip());
        }
        if (distinct.size() < 2 || distinct.size() > MAX_SEGMENT_VALUES) {
            return false;
        }
        // Values must repeat; a column of unique values in a small sample is an id or free text.
        if (distinct.size() * 2 > values.size()) {
            return false;
        }
        return distinct.stream().allMatch(v -> v.length() <= 40 && v.indexOf('@') < 0)
                && !distinct.stream().allMatch(v -> NUMBER.matcher(v).matches());
    }

    private int indexOf(String name, String option) {
        String wanted = name.strip();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).strip().equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        throw new NpsException(ErrorCode.INVALID_ARGUMENT, option + " '" + name + "' is not a column of this file. "
                + "Headers seen: " + quoted(headers) + ".");
    }

    private List<String> nonBlank(int c) {
        List<String> out = new ArrayList<>();
        for (List<String> row : sample) {
            if (c < row.size() && !row.get(c).isBlank()) {
                out.add(row.get(c));
            }
        }
        return out;
    }

    private String examples(int c) {
        return nonBlank(c).stream().limit(3).map(v -> "'" + ScoreReading.shorten(v.strip()) + "'")
                .collect(Collectors.joining(", "));
    }

    private static String names(List<DateFormat> formats) {
        return formats.stream().map(DateFormat::shortName).collect(Collectors.joining(", "));
    }

    static String quoted(List<String> names) {
        return names.stream().map(h -> "\"" + h + "\"").collect(Collectors.joining(", "));
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
