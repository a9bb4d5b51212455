package dev.nps.cli;

import dev.nps.api.analytics.Comparison;
import dev.nps.api.analytics.IntervalMethod;
import dev.nps.api.analytics.NpsSummary;
import dev.nps.api.analytics.ScoreCounts;
import dev.nps.cli.internal.TextSource;
import dev.nps.engine.analytics.NpsStatistics;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes an {@link Analysis} for a person reading a terminal: plain ASCII, aligned columns, small samples marked. */
final class TextReport {
    static final int MIN_SAMPLE = 30;
    static final double ALPHA = 0.05;
    private static final int BAR_WIDTH = 40;

    private final Analysis a;
    private final double confidence;
    private final ZoneId zone;
    private final PrintWriter out;

    TextReport(Analysis a, double confidence, ZoneId zone, PrintWriter out) {
        this.a = a;
        this.confidence = confidence;
        this.zone = zone;
        this.out = out;
    }

    void write() {
        Columns c = a.columns();
        line("%s: %s data rows, %s, %s-delimited", a.file(), count(a.dataRows()), a.encoding(),
                TextSource.describe(a.delimiter()));
        out.println();
        out.println("Columns used");
        line("  score     \"%s\" (%s)", c.name(c.score()), c.scoreWhy());
        if (c.date() >= 0) {
            line("  date      \"%s\" (%s, days in %s)", c.name(c.date()), c.dateFormat().shortName(), zone.getId());
            line("            %s", c.dateWhy());
        } else {
            out.println("  date      none found (no trend; --date-col NAME and --date-format PATTERN choose one)");
        }
        if (c.comment() >= 0) {
            line("  comment   \"%s\" (%s of the scored rows have one)", c.name(c.comment()), count(a.comments()));
        } else {
            out.println("  comment   none found (--comment-col NAME chooses one)");
        }
        line("  segments  %s", c.segments().isEmpty() ? "none found (--segment NAME adds one)"
                : c.segments().stream().map(i -> "\"" + c.name(i) + "\"").collect(Collectors.joining(", ")));
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < c.headers().size(); i++) {
            if (i != c.score() && i != c.date() && i != c.comment() && !c.segments().contains(i)) {
                unused.add(c.name(i));
            }
        }
        if (!unused.isEmpty()) {
            line("  not used  %s", ColumnDetector.quoted(unused));
        }
        out.println();

        ScoreCounts all = a.overall();
        NpsSummary s = summary(all);
        long n = all.total();
        if (n == 0) {
            out.println("NPS       no usable scores");
        } else {
            line("NPS       %s   %s interval %s (adjusted-Wald)%s", nps(s.nps()), percent(confidence),
                    interval(s), s.smallSample() ? "   * small sample" : "");
        }
        line("          promoters %s (%s)   passives %s (%s)   detractors %s (%s)",
                count(all.promoters()), share(all.promoters(), n), count(all.passives()), share(all.passives(), n),
                count(all.detractors()), share(all.detractors(), n));
        line("          responses %s   skipped %s", count(n), count(a.skipped()));
        problems(a.skipped(), a.skippedExamples(), "skipped rows");
        if (a.undated() > 0) {
            line("          %s scored rows have no readable date: in the NPS, not in the trend", count(a.undated()));
            problems(a.undated(), a.undatedExamples(), "rows");
        }
        out.println();

        out.println("Distribution");
        long max = 0;
        for (int i = 0; i <= 10; i++) {
            max = Math.max(max, all.count(i));
        }
        for (int i = 0; i <= 10; i++) {
            long k = all.count(i);
            int bar = max == 0 ? 0 : (int) Math.round((double) k * BAR_WIDTH / max);
            if (k > 0 && bar == 0) {
                bar = 1;
            }
            char mark = i <= 6 ? '-' : i <= 8 ? '=' : '#';
            line("  %2d %s %-" + BAR_WIDTH + "s %6s %6s", i, i <= 6 ? "D" : i <= 8 ? "P" : "+",
                    String.valueOf(mark).repeat(bar), count(k), share(k, n));
        }
        out.println("     (D detractor 0-6, P passive 7-8, + promoter 9-10)");

        if (c.date() >= 0 && !a.trend().isEmpty()) {
            out.println();
            line("Trend by %s", a.period().word());
            line("  %-10s %7s %8s  %-18s", a.period().word(), "n", "NPS", percent(confidence) + " interval");
            boolean anySmall = false;
            for (LocalDate p : a.trendPeriods()) {
                ScoreCounts cell = a.trend().getOrDefault(p, ScoreCounts.EMPTY);
                if (cell.total() == 0) {
                    line("  %-10s %7s %8s", a.period().label(p), "0", "-");
                } else {
                    NpsSummary ps = summary(cell);
                    anySmall |= ps.smallSample();
                    line("  %-10s %7s %8s  %-18s%s", a.period().label(p), count(cell.total()),
                            nps(ps.nps()), interval(ps), ps.smallSample() ? " * small sample" : "");
                }
            }
            if (anySmall) {
                line("  * fewer than %d responses: the interval is wide, read with care", MIN_SAMPLE);
            }
        }

        if (!a.segments().isEmpty()) {
            out.println();
            line("Segments (each value against the rest of the responses; significant when p < %s)",
                    trim(ALPHA));
            int comparisons = 0;
            for (Map.Entry<Integer, Map<String, ScoreCounts>> e : a.segments().entrySet()) {
                line("  %s", c.name(e.getKey()));
                int width = Math.max(12, e.getValue().keySet().stream().mapToInt(String::length).max().orElse(0));
                width = Math.min(width, 30);
                line("    %-" + width + "s %7s %8s  %-18s %8s %8s", "value", "n", "NPS",
                        percent(confidence) + " interval", "vs rest", "p");
                List<Map.Entry<String, ScoreCounts>> values = new ArrayList<>(e.getValue().entrySet());
                values.sort(Comparator.comparingLong((Map.Entry<String, ScoreCounts> v) -> v.getValue().total()).reversed());
                comparisons += values.size();
                for (Map.Entry<String, ScoreCounts> v : values) {
                    ScoreCounts cell = v.getValue();
                    NpsSummary vs = summary(cell);
                    Comparison cmp = NpsStatistics.compare(cell, all.minus(cell), ALPHA);
                    String name = v.getKey().length() > width ? v.getKey().substring(0, width - 3) + "..." : v.getKey();
                    line("    %-" + width + "s %7s %8s  %-18s %8s %8s  %s", name, count(cell.total()),
                            nps(vs.nps()), interval(vs), Double.isNaN(cmp.difference()) ? "-" : nps(cmp.difference()),
                            pValue(cmp.pValue()), cell.total() == all.total() ? "every response (no rest to compare)"
                                    : verdict(cmp, vs));
                }
            }
            if (comparisons > 1) {
                line("  %d comparisons: about %s would look significant by chance alone; trust the large differences",
                        comparisons, trim(comparisons * ALPHA));
            }
            for (int overflow : a.overflowed()) {
                line("  \"%s\" had more than %d values; the later ones are counted as %s",
                        c.name(overflow), ExportAnalyzer.MAX_TRACKED_VALUES, ExportAnalyzer.OTHER);
            }
        }
        out.flush();
    }

    /** Prints one formatted line without trailing blanks, so the report diffs and pastes cleanly. */
    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args).stripTrailing());
    }

    private void problems(long total, List<Analysis.Problem> examples, String what) {
        for (Analysis.Problem p : examples) {
            line("            line %d: %s", p.line(), p.reason());
        }
        if (total > examples.size()) {
            line("            ... and %s more %s", count(total - examples.size()), what);
        }
    }

    private NpsSummary summary(ScoreCounts counts) {
        return NpsStatistics.summarize(counts, confidence, IntervalMethod.ADJUSTED_WALD, MIN_SAMPLE);
    }

    private static String verdict(Comparison cmp, NpsSummary s) {
        String v = cmp.significant() ? (cmp.difference() > 0 ? "higher (significant)" : "lower (significant)")
                : "no significant difference";
        return s.smallSample() ? v + ", small sample" : v;
    }

    static String nps(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        // -0.04 would print as "-0.0"; a sign on nothing reads as a finding.
        return String.format(Locale.ROOT, "%+.1f", Math.abs(v) < 0.05 ? 0.0 : v);
    }

    static String interval(NpsSummary s) {
        return "[" + nps(s.interval().low()) + ", " + nps(s.interval().high()) + "]";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String share(long k, long n) {
        return n == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * k / n);
    }

    static String percent(double confidence) {
        return trim(confidence * 100) + "%";
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }
}
