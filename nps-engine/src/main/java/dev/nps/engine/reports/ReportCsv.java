package dev.nps.engine.reports;

import dev.nps.api.internal.Checks;
import java.util.List;
import java.util.Locale;

/**
 * Writes an {@link NpsReport} as one CSV table (RFC 4180: comma separated, CRLF line ends, fields with a comma,
 * quote or line break quoted, quotes doubled). A cell starting with {@code = + - @}, a tab or a carriage return
 * is prefixed with a single quote, so a spreadsheet never runs a segment value or a theme as a formula; numbers the
 * report computes itself (such as a negative NPS) are written as plain numbers.
 *
 * <p>Columns: {@code section, period, key, value, responses, promoters, passives, detractors, nps, low, high,
 * difference, p_value, significant, small_sample}. Sections: {@code overall}, {@code distribution} (value is the
 * score, responses its count), {@code trend}, {@code segment}, {@code theme} (responses are mentions, nps the NPS
 * with the theme, difference its impact), {@code funnel} (key is the stage).
 *
 * @since 0.1
 */
public final class ReportCsv {
    private static final List<String> HEADER = List.of("section", "period", "key", "value", "responses", "promoters",
            "passives", "detractors", "nps", "low", "high", "difference", "p_value", "significant", "small_sample");

    private ReportCsv() {}

    /**
     * @param report the report, never null
     * @return the CSV text
     */
    public static String write(NpsReport report) {
        Checks.notNull(report, "report");
        StringBuilder out = new StringBuilder();
        textRow(out, HEADER);
        figureRow(out, "overall", "", "", "", report.overall(), "", "", "");
        for (int s = 0; s <= 10; s++) {
            row(out, text("distribution"), "", "", num(s), num(report.distribution().get(s)), "", "", "", "", "", "", "", "", "", "");
        }
        for (NpsReport.TrendPoint p : report.trend()) {
            figureRow(out, "trend", p.period().toString(), "", "", p.figure(), "", "", "");
        }
        for (NpsReport.SegmentRow r : report.segments()) {
            figureRow(out, "segment", "", r.key(), r.value(), r.figure(), dec(r.difference()), dec4(r.pValue()),
                    Boolean.toString(r.significant()));
        }
        for (NpsReport.ThemeRow t : report.themes()) {
            row(out, text("theme"), "", "", text(t.theme()), num(t.mentions()), "", "", "", dec(t.npsWith()), "", "",
                    dec(t.impact()), "", "", "");
        }
        report.funnel().ifPresent(f -> {
            stage(out, "invited", f.invited());
            stage(out, "delivered", f.delivered());
            f.opened().ifPresent(o -> stage(out, "opened", o));
            stage(out, "answered", f.answered());
        });
        return out.toString();
    }

    /**
     * Quotes one cell per RFC 4180 and defuses spreadsheet formulas.
     *
     * @param value the cell text, never null
     * @return the cell as written
     */
    public static String cell(String value) {
        Checks.notNull(value, "value");
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static void stage(StringBuilder out, String stage, long count) {
        row(out, text("funnel"), "", text(stage), "", num(count), "", "", "", "", "", "", "", "", "", "");
    }

    private static void figureRow(StringBuilder out, String section, String period, String key, String value,
                                  NpsReport.Figure f, String difference, String pValue, String significant) {
        row(out, text(section), text(period), text(key), text(value), num(f.responses()), num(f.promoters()),
                num(f.passives()), num(f.detractors()), dec(f.nps()), dec(f.low()), dec(f.high()), difference, pValue,
                significant, Boolean.toString(f.smallSample()));
    }

    private static void textRow(StringBuilder out, List<String> cells) {
        row(out, cells.stream().map(ReportCsv::text).toArray(String[]::new));
    }

    private static void row(StringBuilder out, String... cells) {
        out.append(String.join(",", cells)).append("\r\n");
    }

    /** Text from the data: quoted and defused. */
    private static String text(String s) {
        return cell(s);
    }

    /** Numbers the report computed: never a formula, written as is. */
    private static String num(long n) {
        return Long.toString(n);
    }

    private static String dec(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "" : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String dec4(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "" : String.format(Locale.ROOT, "%.4f", d);
    }
}
