package dev.nps.engine.reports;

import java.util.Locale;

/** Escaping and number formatting shared by the HTML and SVG writers. */
final class Html {
    private Html() {}

    /** Escapes text for an element body or a quoted attribute value. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // Control characters other than tab and line breaks are invalid in HTML and XML.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** One decimal, or an en dash for a missing figure. */
    static String one(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "\u2013" : String.format(Locale.ROOT, "%.1f", d);
    }

    /** Signed, one decimal. */
    static String signed(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "\u2013" : String.format(Locale.ROOT, "%+.1f", d);
    }

    /** SVG coordinate, two decimals. */
    static String c(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
