package dev.nps.engine.reports;

import static dev.nps.engine.reports.Html.c;
import static dev.nps.engine.reports.Html.esc;
import static dev.nps.engine.reports.Html.one;
import static dev.nps.engine.reports.Html.signed;

import java.util.List;

/** The report's charts as inline SVG: no script, no external resource; every data label escaped. */
final class SvgCharts {
    static final String DETRACTOR = "#d64545";
    static final String PASSIVE = "#e0a526";
    static final String PROMOTER = "#2f9e5b";
    private static final String INK = "#1f2933";
    private static final String GRID = "#d9dee3";
    private static final String LINE = "#2659a6";

    private SvgCharts() {}

    /** NPS per period: line with the interval as a band, response counts as bars underneath. */
    static String trend(List<NpsReport.TrendPoint> points) {
        int w = 760;
        int h = 300;
        double left = 44;
        double right = w - 10;
        double top = 12;
        double plotBottom = 200;
        double barTop = 218;
        double barBottom = 270;
        StringBuilder s = open(w, h, "NPS trend with confidence band and response counts");
        if (points.isEmpty()) {
            return empty(s, w, h);
        }
        double lo = 100;
        double hi = -100;
        long maxCount = 1;
        for (NpsReport.TrendPoint p : points) {
            NpsReport.Figure f = p.figure();
            if (!Double.isNaN(f.low())) {
                lo = Math.min(lo, f.low());
                hi = Math.max(hi, f.high());
            }
            if (!Double.isNaN(f.nps())) {
                lo = Math.min(lo, f.nps());
                hi = Math.max(hi, f.nps());
            }
            maxCount = Math.max(maxCount, f.responses());
        }
        double range = Math.max(hi, 0) - Math.min(lo, 0);
        double gridStep = range <= 30 ? 10 : range <= 80 ? 20 : 50;
        lo = Math.max(-100, Math.floor(Math.min(lo, 0) / gridStep) * gridStep);
        hi = Math.min(100, Math.ceil(Math.max(hi, 0) / gridStep) * gridStep);
        if (hi - lo < gridStep) {
            hi = lo + gridStep;
        }
        int n = points.size();
        double step = (right - left) / n;
        final double yLo = lo;
        final double yHi = hi;
        java.util.function.DoubleUnaryOperator y = v -> plotBottom - (v - yLo) / (yHi - yLo) * (plotBottom - top);
        for (double g = lo; g <= hi + 1e-9; g += gridStep) {
            s.append("<line x1='").append(c(left)).append("' x2='").append(c(right)).append("' y1='").append(c(y.applyAsDouble(g)))
                    .append("' y2='").append(c(y.applyAsDouble(g))).append("' stroke='").append(Math.abs(g) < 1e-9 ? INK : GRID)
                    .append("' stroke-width='1'/>");
            text(s, left - 4, y.applyAsDouble(g) + 4, "end", 11, one(g));
        }
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            NpsReport.Figure f = points.get(i).figure();
            double x = left + step * (i + 0.5);
            if (!Double.isNaN(f.low())) {
                upper.append(c(x)).append(',').append(c(y.applyAsDouble(f.high()))).append(' ');
                lower.insert(0, c(x) + "," + c(y.applyAsDouble(f.low())) + " ");
            }
            if (!Double.isNaN(f.nps())) {
                line.append(c(x)).append(',').append(c(y.applyAsDouble(f.nps()))).append(' ');
            }
        }
        s.append("<polygon class='band' points='").append(upper).append(lower).append("' fill='").append(LINE)
                .append("' fill-opacity='0.15' stroke='none'/>");
        s.append("<polyline points='").append(line).append("' fill='none' stroke='").append(LINE).append("' stroke-width='2'/>");
        int labelEvery = Math.max(1, (int) Math.ceil(n / 10.0));
        for (int i = 0; i < n; i++) {
            NpsReport.TrendPoint p = points.get(i);
            NpsReport.Figure f = p.figure();
            double x = left + step * (i + 0.5);
            if (!Double.isNaN(f.nps())) {
                s.append("<circle cx='").append(c(x)).append("' cy='").append(c(y.applyAsDouble(f.nps())))
                        .append("' r='3' fill='").append(f.smallSample() ? "#fff" : LINE).append("' stroke='").append(LINE)
                        .append("'><title>").append(esc(p.period() + ": NPS " + one(f.nps()) + " [" + one(f.low()) + ", "
                                + one(f.high()) + "], n=" + f.responses() + (f.smallSample() ? " (small sample)" : "")))
                        .append("</title></circle>");
            }
            double bh = (barBottom - barTop) * f.responses() / maxCount;
            s.append("<rect class='count' x='").append(c(x - step * 0.35)).append("' y='").append(c(barBottom - bh))
                    .append("' width='").append(c(step * 0.7)).append("' height='").append(c(bh)).append("' fill='#9aa5b1'><title>")
                    .append(esc(p.period() + ": " + f.responses() + " responses")).append("</title></rect>");
            if (i % labelEvery == 0) {
                text(s, x, barBottom + 16, "middle", 10, p.period().toString());
            }
        }
        text(s, left, barTop - 4, "start", 10, "responses (max " + maxCount + ")");
        return s.append("</svg>").toString();
    }

    /** Counts of each score 0..10, coloured by category. */
    static String distribution(List<Long> counts) {
        int w = 760;
        int h = 220;
        double left = 30;
        double bottom = 185;
        double top = 20;
        StringBuilder s = open(w, h, "Distribution of scores 0 to 10");
        long max = 1;
        long total = 0;
        for (long c : counts) {
            max = Math.max(max, c);
            total += c;
        }
        double step = (w - left - 10) / 11.0;
        for (int score = 0; score <= 10; score++) {
            long n = counts.get(score);
            double bh = (bottom - top) * n / max;
            double x = left + step * score;
            String colour = score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
            s.append("<rect x='").append(c(x + step * 0.1)).append("' y='").append(c(bottom - bh)).append("' width='")
                    .append(c(step * 0.8)).append("' height='").append(c(bh)).append("' fill='").append(colour)
                    .append("'><title>").append(esc("score " + score + ": " + n)).append("</title></rect>");
            text(s, x + step / 2, bottom + 16, "middle", 12, Integer.toString(score));
            text(s, x + step / 2, bottom - bh - 4, "middle", 10,
                    n + (total > 0 ? " (" + one(100.0 * n / total) + "%)" : ""));
        }
        return s.append("</svg>").toString();
    }

    /** Promoter, passive and detractor shares per period, stacked to 100%. */
    static String shares(List<NpsReport.TrendPoint> points) {
        int w = 760;
        int h = 230;
        double left = 44;
        double right = w - 10;
        double top = 10;
        double bottom = 190;
        StringBuilder s = open(w, h, "Promoter, passive and detractor shares over time");
        if (points.isEmpty()) {
            return empty(s, w, h);
        }
        int n = points.size();
        double step = (right - left) / n;
        for (int g = 0; g <= 100; g += 25) {
            double yy = bottom - (bottom - top) * g / 100.0;
            s.append("<line x1='").append(c(left)).append("' x2='").append(c(right)).append("' y1='").append(c(yy))
                    .append("' y2='").append(c(yy)).append("' stroke='").append(GRID).append("'/>");
            text(s, left - 4, yy + 4, "end", 11, g + "%");
        }
        int labelEvery = Math.max(1, (int) Math.ceil(n / 10.0));
        for (int i = 0; i < n; i++) {
            NpsReport.Figure f = points.get(i).figure();
            if (f.responses() == 0) {
                continue;
            }
            double x = left + step * i + step * 0.1;
            double yy = bottom;
            double[] shares = {f.detractorShare(), f.passiveShare(), f.promoterShare()};
            String[] colours = {DETRACTOR, PASSIVE, PROMOTER};
            String[] names = {"detractors", "passives", "promoters"};
            for (int k = 0; k < 3; k++) {
                double hh = (bottom - top) * shares[k] / 100;
                yy -= hh;
                s.append("<rect x='").append(c(x)).append("' y='").append(c(yy)).append("' width='").append(c(step * 0.8))
                        .append("' height='").append(c(hh)).append("' fill='").append(colours[k]).append("'><title>")
                        .append(esc(points.get(i).period() + ": " + one(shares[k]) + "% " + names[k])).append("</title></rect>");
            }
            if (i % labelEvery == 0) {
                text(s, x + step * 0.4, bottom + 16, "middle", 10, points.get(i).period().toString());
            }
        }
        legend(s, left, h - 8);
        return s.append("</svg>").toString();
    }

    /** Segments side by side: NPS bars from zero, interval whiskers, a marker where the difference is significant. */
    static String segments(List<NpsReport.SegmentRow> rows) {
        int rowH = 26;
        int w = 760;
        int h = Math.max(60, rows.size() * rowH + 40);
        double labelW = 220;
        double zero = labelW + (w - labelW - 110) / 2.0;
        double half = (w - labelW - 110) / 2.0;
        StringBuilder s = open(w, h, "NPS by segment with intervals; marked where different from the rest");
        if (rows.isEmpty()) {
            return empty(s, w, h);
        }
        s.append("<line x1='").append(c(zero)).append("' x2='").append(c(zero)).append("' y1='10' y2='").append(h - 24)
                .append("' stroke='").append(INK).append("'/>");
        text(s, zero - half, h - 8, "start", 10, "-100");
        text(s, zero, h - 8, "middle", 10, "0");
        text(s, zero + half, h - 8, "end", 10, "+100");
        for (int i = 0; i < rows.size(); i++) {
            NpsReport.SegmentRow r = rows.get(i);
            NpsReport.Figure f = r.figure();
            double yy = 14 + i * rowH;
            String label = r.key() + " = " + (r.value().isEmpty() ? "(none)" : r.value());
            s.append("<g class='segment'>");
            text(s, labelW - 8, yy + 13, "end", 12, truncate(label, 34));
            if (!Double.isNaN(f.nps())) {
                double x1 = zero + half * Math.min(0, f.nps()) / 100;
                double bw = half * Math.abs(f.nps()) / 100;
                s.append("<rect x='").append(c(x1)).append("' y='").append(c(yy + 2)).append("' width='").append(c(bw))
                        .append("' height='16' fill='").append(f.smallSample() ? "#b7c3d0" : LINE).append("'><title>")
                        .append(esc(label + ": NPS " + one(f.nps()) + " [" + one(f.low()) + ", " + one(f.high()) + "], n="
                                + f.responses() + ", vs rest " + signed(r.difference()) + ", p="
                                + String.format(java.util.Locale.ROOT, "%.3f", r.pValue())))
                        .append("</title></rect>");
                double lx = zero + half * f.low() / 100;
                double hx = zero + half * f.high() / 100;
                s.append("<line x1='").append(c(lx)).append("' x2='").append(c(hx)).append("' y1='").append(c(yy + 10))
                        .append("' y2='").append(c(yy + 10)).append("' stroke='").append(INK).append("' stroke-width='1.5'/>");
                text(s, w - 100, yy + 13, "start", 11, one(f.nps()) + " (n=" + f.responses() + ")");
            }
            if (r.significant()) {
                boolean up = r.difference() > 0;
                s.append("<text class='significant' x='").append(c(labelW + 4)).append("' y='").append(c(yy + 14))
                        .append("' font-size='13' fill='").append(up ? PROMOTER : DETRACTOR).append("'>")
                        .append(up ? "\u25B2" : "\u25BC").append("<title>").append(esc("significantly " + (up ? "above" : "below")
                                + " the rest (" + signed(r.difference()) + " points)")).append("</title></text>");
            }
            s.append("</g>");
        }
        return s.append("</svg>").toString();
    }

    /** Themes as diverging bars of their NPS impact. */
    static String themes(List<NpsReport.ThemeRow> rows) {
        int rowH = 24;
        int w = 760;
        int h = Math.max(60, rows.size() * rowH + 30);
        double labelW = 220;
        double zero = labelW + (w - labelW - 90) / 2.0;
        double half = (w - labelW - 90) / 2.0;
        double max = 1;
        for (NpsReport.ThemeRow t : rows) {
            if (!Double.isNaN(t.impact())) {
                max = Math.max(max, Math.abs(t.impact()));
            }
        }
        StringBuilder s = open(w, h, "Themes by NPS impact");
        if (rows.isEmpty()) {
            return empty(s, w, h);
        }
        s.append("<line x1='").append(c(zero)).append("' x2='").append(c(zero)).append("' y1='6' y2='").append(h - 16)
                .append("' stroke='").append(INK).append("'/>");
        for (int i = 0; i < rows.size(); i++) {
            NpsReport.ThemeRow t = rows.get(i);
            double yy = 10 + i * rowH;
            text(s, labelW - 8, yy + 12, "end", 12, truncate(t.theme(), 34));
            if (!Double.isNaN(t.impact())) {
                double bw = half * Math.abs(t.impact()) / max;
                double x = t.impact() < 0 ? zero - bw : zero;
                s.append("<rect x='").append(c(x)).append("' y='").append(c(yy + 2)).append("' width='").append(c(bw))
                        .append("' height='14' fill='").append(t.impact() < 0 ? DETRACTOR : PROMOTER).append("'><title>")
                        .append(esc(t.theme() + ": " + t.mentions() + " mentions, NPS " + one(t.npsWith()) + " vs "
                                + one(t.npsWithout()) + " without, impact " + signed(t.impact())))
                        .append("</title></rect>");
            }
            text(s, w - 84, yy + 12, "start", 11, signed(t.impact()) + " (" + t.mentions() + ")");
        }
        return s.append("</svg>").toString();
    }

    /** Invited, delivered, opened (when known) and answered as shrinking bars. */
    static String funnel(NpsReport.Funnel f) {
        int w = 760;
        java.util.List<String> names = new java.util.ArrayList<>(List.of("invited", "delivered"));
        java.util.List<Long> values = new java.util.ArrayList<>(List.of(f.invited(), f.delivered()));
        f.opened().ifPresent(o -> {
            names.add("opened");
            values.add(o);
        });
        names.add("answered");
        values.add(f.answered());
        int h = names.size() * 30 + 10;
        StringBuilder s = open(w, h, "Invitation funnel");
        double labelW = 110;
        double max = Math.max(1, f.invited());
        for (int i = 0; i < names.size(); i++) {
            double yy = 8 + i * 30;
            double bw = (w - labelW - 150) * Math.min(1, values.get(i) / max);
            text(s, labelW - 8, yy + 15, "end", 12, names.get(i));
            s.append("<rect x='").append(c(labelW)).append("' y='").append(c(yy)).append("' width='").append(c(bw))
                    .append("' height='20' fill='").append(LINE).append("' fill-opacity='").append(c(1 - i * 0.18)).append("'/>");
            text(s, labelW + bw + 6, yy + 15, "start", 12, values.get(i)
                    + (f.invited() > 0 ? " (" + one(100.0 * values.get(i) / f.invited()) + "%)" : ""));
        }
        return s.append("</svg>").toString();
    }

    private static void legend(StringBuilder s, double x, double y) {
        String[] names = {"detractors", "passives", "promoters"};
        String[] colours = {DETRACTOR, PASSIVE, PROMOTER};
        for (int k = 0; k < 3; k++) {
            double xx = x + k * 110;
            s.append("<rect x='").append(c(xx)).append("' y='").append(c(y - 9)).append("' width='10' height='10' fill='")
                    .append(colours[k]).append("'/>");
            text(s, xx + 14, y, "start", 11, names[k]);
        }
    }

    private static StringBuilder open(int w, int h, String label) {
        return new StringBuilder(4096).append("<svg viewBox='0 0 ").append(w).append(' ')
                .append(h).append("' width='100%' role='img' aria-label='").append(esc(label)).append("'>");
    }

    private static String empty(StringBuilder s, int w, int h) {
        text(s, w / 2.0, h / 2.0, "middle", 13, "no responses in this window");
        return s.append("</svg>").toString();
    }

    private static void text(StringBuilder s, double x, double y, String anchor, int size, String content) {
        s.append("<text x='").append(c(x)).append("' y='").append(c(y)).append("' text-anchor='").append(anchor)
                .append("' font-size='").append(size).append("' fill='").append(INK).append("'>").append(esc(content))
                .append("</text>");
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
