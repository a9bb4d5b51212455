package dev.nps.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * A way of writing dates that exports use, turned into a calendar day in a time zone. Values with an offset or zone
 * are moved to that zone; values without one are taken as already in it.
 *
 * @param name       how the report names it, e.g. {@code dd/MM/yyyy}
 * @param formatters tried in order; the first that parses wins
 */
record DateFormat(String name, List<DateTimeFormatter> formatters) {

    static final DateFormat ISO = new DateFormat("ISO 8601 (yyyy-MM-dd, optional time and offset)", List.of(
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
                    .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
                    .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                    .optionalStart().appendLiteral('[').appendZoneRegionId().appendLiteral(']').optionalEnd()
                    .optionalEnd()
                    .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT)));
    static final DateFormat DAY_FIRST = slashed("dd/MM/yyyy", "d/M/uuuu", '/');
    static final DateFormat MONTH_FIRST = slashed("MM/dd/yyyy", "M/d/uuuu", '/');
    static final DateFormat DOTTED = slashed("dd.MM.yyyy", "d.M.uuuu", '.');
    static final DateFormat YEAR_FIRST_SLASHED = slashed("yyyy/MM/dd", "uuuu/M/d", '/');

    /** Every format detection tries, ISO first. */
    static final List<DateFormat> KNOWN = List.of(ISO, DAY_FIRST, MONTH_FIRST, DOTTED, YEAR_FIRST_SLASHED);

    DateFormat {
        formatters = List.copyOf(formatters);
    }

    /**
     * @param pattern a {@link DateTimeFormatter} pattern the user gave
     * @return a format with that pattern alone
     * @throws IllegalArgumentException when the pattern is invalid
     */
    static DateFormat ofPattern(String pattern) {
        return new DateFormat(pattern + " (--date-format)", List.of(DateTimeFormatter.ofPattern(pattern, Locale.ROOT)));
    }

    /**
     * @param text a cell
     * @param zone the zone that defines days
     * @return the day in that zone, or null when the text is not in this format
     */
    LocalDate toDate(String text, ZoneId zone) {
        String v = text.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (this == ISO) {
            LocalDate fast = fastIso(v, zone);
            if (fast != null) {
                return fast;
            }
        }
        if (this == ISO && v.length() > 10 && v.charAt(10) == ' ') {
            // "2024-03-05 14:22:10" is how databases and many tools print ISO dates.
            v = v.substring(0, 10) + 'T' + v.substring(11);
        }
        for (DateTimeFormatter f : formatters) {
            try {
                TemporalAccessor t = f.parseBest(v, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from,
                        LocalDate::from);
                if (t instanceof ZonedDateTime z) {
                    return z.withZoneSameInstant(zone).toLocalDate();
                }
                if (t instanceof OffsetDateTime o) {
                    return o.atZoneSameInstant(zone).toLocalDate();
                }
                if (t instanceof LocalDateTime l) {
                    return l.toLocalDate();
                }
                return (LocalDate) t;
            } catch (DateTimeException e) {
                // try the next formatter
            }
        }
        return null;
    }

    /**
     * Reads the usual ISO shapes ({@code yyyy-MM-dd}, then optionally {@code T} or a space, {@code HH:mm[:ss[.f]]} and
     * {@code Z} or {@code +HH:MM}) without the formatter, which costs a few hash maps per value on a file of millions
     * of rows. Anything else returns null and goes to the formatter.
     */
    static LocalDate fastIso(String v, ZoneId zone) {
        int n = v.length();
        if (n < 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // 2024-02-30: let the formatter reject it with the same rules
        }
        if (n == 10) {
            return date;
        }
        char sep = v.charAt(10);
        if ((sep != 'T' && sep != 't' && sep != ' ') || n < 16 || v.charAt(13) != ':') {
            return null;
        }
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = 0;
        int i = 16;
        if (i < n && v.charAt(i) == ':') {
            second = digits(v, 17, 2);
            i = 19;
            if (i < n && (v.charAt(i) == '.' || v.charAt(i) == ',')) {
                i++;
                int start = i;
                while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                    i++;
                }
                if (i == start || i - start > 9) {
                    return null;
                }
            }
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || i > n) {
            return null;
        }
        if (i == n) {
            return date; // no offset: the time is already in the zone
        }
        int offsetSeconds;
        char c = v.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n) {
            offsetSeconds = 0;
        } else if ((c == '+' || c == '-') && (n - i == 6 && v.charAt(i + 3) == ':' || n - i == 5)) {
            int oh = digits(v, i + 1, 2);
            int om = digits(v, n - 2, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long epochSecond = date.toEpochDay() * 86400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate();
    }

    private static int digits(String v, int from, int count) {
        if (from + count > v.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static DateFormat slashed(String name, String datePattern, char sep) {
        DateTimeFormatter twentyFourHour = new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(datePattern)
                .optionalStart().appendLiteral(' ').appendPattern("H:mm").optionalStart().appendPattern(":ss").optionalEnd()
                .optionalEnd()
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        DateTimeFormatter twelveHour = new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(datePattern).appendLiteral(' ').appendPattern("h:mm").optionalStart().appendPattern(":ss")
                .optionalEnd().appendLiteral(' ').appendPattern("a")
                .toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
        return new DateFormat(name + " (optional H:mm[:ss])", List.of(twentyFourHour, twelveHour));
    }

    /** @return the short name, e.g. {@code dd/MM/yyyy} */
    String shortName() {
        int paren = name.indexOf(" (");
        return paren < 0 ? name : name.substring(0, paren);
    }
}
