package dev.nps.engine.reports;

import static dev.nps.engine.reports.Html.esc;
import static dev.nps.engine.reports.Html.one;
import static dev.nps.engine.reports.Html.signed;

import dev.nps.api.internal.Checks;
import java.util.Locale;

/**
 * Renders an {@link NpsReport} as one self-contained HTML file: inline CSS and inline SVG charts, no script, no
 * external font, image or style sheet, so it opens offline, mails as an attachment and prints (print CSS keeps
 * charts whole on a page). Every text from the data (survey ids, segment values, themes) is HTML-escaped, and a
 * Content-Security-Policy meta tag forbids scripts in case a viewer adds any.
 *
 * @since 0.1
 */
public final class HtmlReport {
    private static final String CSS = """
            :root{color-scheme:light}
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2933;margin:0 auto;max-width:820px;padding:24px;line-height:1.4}
            h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.15rem;margin:28px 0 8px;border-bottom:1px solid #d9dee3;padding-bottom:4px}
            .meta{color:#52606d;font-size:.9rem}
            .headline{display:flex;gap:24px;align-items:baseline;flex-wrap:wrap;margin:16px 0}
            .nps{font-size:3rem;font-weight:700}.interval,.counts{color:#52606d}
            .small{color:#b44d12;font-weight:600}
            table{border-collapse:collapse;width:100%;font-size:.85rem;margin-top:8px}
            th,td{text-align:right;padding:3px 6px;border-bottom:1px solid #eef1f4}th:first-child,td:first-child{text-align:left}
            .sig-up{color:#2f9e5b;font-weight:700}.sig-down{color:#d64545;font-weight:700}
            .note{font-size:.8rem;color:#52606d}
            @media print{body{max-width:none;padding:0;font-size:10pt}section{break-inside:avoid;page-break-inside:avoid}h2{break-after:avoid}a{color:inherit;text-decoration:none}}
            """;

    private HtmlReport() {}

    /**
     * @param report the report, never null
     * @return the HTML document
     */
    public static String render(NpsReport report) {
        Checks.notNull(report, "report");
        NpsReport.Figure o = report.overall();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>")
                .append("<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<meta name='viewport' content='width=device-width, initial-scale=1'>")
                .append("<title>").append(esc(report.title())).append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<header><h1>").append(esc(report.title())).append("</h1><p class='meta'>")
                .append(esc("Survey: " + report.surveyId().orElse("all surveys") + " \u00b7 "
                        + report.from().map(Object::toString).orElse("all time") + " to " + report.to() + " (UTC) \u00b7 generated "
                        + report.generatedAt()))
                .append("</p></header>");

        h.append("<section id='overall'><div class='headline'><span class='nps'>").append(esc(one(o.nps())))
                .append("</span><span class='interval'>").append(esc(pct(report.confidence()) + " interval [" + one(o.low()) + ", "
                        + one(o.high()) + "]")).append("</span><span class='counts'>")
                .append(esc(o.responses() + " responses: " + o.promoters() + " promoters (" + one(o.promoterShare()) + "%), "
                        + o.passives() + " passives (" + one(o.passiveShare()) + "%), " + o.detractors() + " detractors ("
                        + one(o.detractorShare()) + "%)"))
                .append("</span>");
        if (o.smallSample()) {
            h.append("<span class='small'>small sample: read with care</span>");
        }
        h.append("</div></section>");

        h.append("<section id='trend'><h2>Trend</h2>").append(SvgCharts.trend(report.trend()));
        h.append("<table><thead><tr><th>Period</th><th>Responses</th><th>NPS</th><th>Interval</th><th>Promoters %</th>"
                + "<th>Passives %</th><th>Detractors %</th></tr></thead><tbody>");
        for (NpsReport.TrendPoint p : report.trend()) {
            NpsReport.Figure f = p.figure();
            h.append("<tr><td>").append(esc(p.period().toString())).append(f.smallSample() ? " *" : "").append("</td><td>")
                    .append(f.responses()).append("</td><td>").append(one(f.nps())).append("</td><td>")
                    .append(esc("[" + one(f.low()) + ", " + one(f.high()) + "]")).append("</td><td>").append(one(f.promoterShare()))
                    .append("</td><td>").append(one(f.passiveShare())).append("</td><td>").append(one(f.detractorShare()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table><p class='note'>* small sample. The band is the ").append(esc(pct(report.confidence())))
                .append(" interval of each period.</p></section>");

        h.append("<section id='distribution'><h2>Score distribution</h2>").append(SvgCharts.distribution(report.distribution()))
                .append("</section>");
        h.append("<section id='shares'><h2>Promoters, passives and detractors over time</h2>")
                .append(SvgCharts.shares(report.trend())).append("</section>");

        if (!report.segments().isEmpty()) {
            h.append("<section id='segments'><h2>Segments</h2>").append(SvgCharts.segments(report.segments()));
            h.append("<table><thead><tr><th>Segment</th><th>Responses</th><th>NPS</th><th>Interval</th><th>vs rest</th>"
                    + "<th>p</th></tr></thead><tbody>");
            for (NpsReport.SegmentRow r : report.segments()) {
                NpsReport.Figure f = r.figure();
                h.append("<tr><td>").append(esc(r.key() + " = " + (r.value().isEmpty() ? "(none)" : r.value())))
                        .append(f.smallSample() ? " *" : "").append("</td><td>").append(f.responses()).append("</td><td>")
                        .append(one(f.nps())).append("</td><td>").append(esc("[" + one(f.low()) + ", " + one(f.high()) + "]"))
                        .append("</td><td").append(r.significant() ? (r.difference() > 0 ? " class='sig-up'" : " class='sig-down'") : "")
                        .append(">").append(esc(signed(r.difference()))).append(r.significant() ? (r.difference() > 0 ? " \u25B2" : " \u25BC") : "")
                        .append("</td><td>").append(String.format(Locale.ROOT, "%.3f", r.pValue())).append("</td></tr>");
            }
            h.append("</tbody></table><p class='note'>\u25B2/\u25BC: different from the rest of the responses at the "
                    + "report's significance level (z-test on the trinomial variance; several segments are tested, so expect "
                    + "about one false alarm in twenty). * small sample.</p></section>");
        }

        if (!report.themes().isEmpty()) {
            h.append("<section id='themes'><h2>Themes by NPS impact</h2>").append(SvgCharts.themes(report.themes()));
            h.append("<table><thead><tr><th>Theme</th><th>Mentions</th><th>NPS with</th><th>NPS without</th><th>Impact</th>"
                    + "</tr></thead><tbody>");
            for (NpsReport.ThemeRow t : report.themes()) {
                h.append("<tr><td>").append(esc(t.theme())).append("</td><td>").append(t.mentions()).append("</td><td>")
                        .append(one(t.npsWith())).append("</td><td>").append(one(t.npsWithout())).append("</td><td>")
                        .append(signed(t.impact())).append("</td></tr>");
            }
            h.append("</tbody></table><p class='note'>Impact: overall NPS minus the NPS of the responses without the theme."
                    + "</p></section>");
        }

        report.funnel().ifPresent(f -> h.append("<section id='funnel'><h2>Response rate and funnel</h2><p>Response rate: <b>")
                .append(one(f.responseRate())).append("%</b> (").append(f.answered()).append(" of ").append(f.invited())
                .append(" invited)").append(f.opened().isEmpty() ? "; opens are not tracked by this channel" : "")
                .append("</p>").append(SvgCharts.funnel(f)).append("</section>"));

        h.append("<footer class='note'><p>NPS = % promoters (9-10) \u2212 % detractors (0-6). Intervals: adjusted-Wald, ")
                .append(esc(pct(report.confidence()))).append(".</p></footer></body></html>\n");
        return h.toString();
    }

    private static String pct(double confidence) {
        return String.format(Locale.ROOT, "%.0f%%", confidence * 100);
    }
}
