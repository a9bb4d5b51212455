package dev.nps.channels.sms;

import java.util.Objects;

/**
 * How a text travels as SMS: its encoding, its length in that encoding's units and the number of segments
 * (parts) a handset receives. Counted exactly: in GSM-7 an extension character takes two septets and is never
 * split across parts; in UCS-2 a surrogate pair (an emoji) takes two code units and is never split.
 *
 * @param encoding GSM-7 when every character is in the GSM 03.38 tables, otherwise UCS-2
 * @param units    septets (GSM-7) or UTF-16 code units (UCS-2)
 * @param segments parts the message is sent in; 1 for an empty text
 * @since 0.1
 */
public record SmsSegments(SmsEncoding encoding, int units, int segments) {

    public SmsSegments {
        Objects.requireNonNull(encoding, "encoding");
        if (units < 0 || segments < 1) {
            throw new IllegalArgumentException("units must be >= 0 and segments >= 1 (got " + units + ", " + segments + ")");
        }
    }

    /**
     * Counts the segments of a text.
     *
     * @param text the message text, never null
     * @return its encoding, units and segments
     */
    public static SmsSegments of(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return Gsm7.canEncode(text) ? countGsm(text) : countUcs2(text);
    }

    private static SmsSegments countGsm(CharSequence text) {
        int total = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            total += Gsm7.cost(text.charAt(i));
        }
        if (total <= SmsEncoding.GSM7.singleSegmentCapacity()) {
            return new SmsSegments(SmsEncoding.GSM7, total, 1);
        }
        int cap = SmsEncoding.GSM7.multipartSegmentCapacity();
        int segments = 1;
        int used = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int cost = Gsm7.cost(text.charAt(i));
            if (used + cost > cap) {
                segments++;
                used = 0;
            }
            used += cost;
        }
        return new SmsSegments(SmsEncoding.GSM7, total, segments);
    }

    private static SmsSegments countUcs2(CharSequence text) {
        int total = text.length();
        if (total <= SmsEncoding.UCS2.singleSegmentCapacity()) {
            return new SmsSegments(SmsEncoding.UCS2, total, 1);
        }
        int cap = SmsEncoding.UCS2.multipartSegmentCapacity();
        int segments = 1;
        int used = 0;
        for (int i = 0; i < total; i++) {
            boolean pair = Character.isHighSurrogate(text.charAt(i)) && i + 1 < total && Character.isLowSurrogate(text.charAt(i + 1));
            int cost = pair ? 2 : 1;
            if (used + cost > cap) {
                segments++;
                used = 0;
            }
            used += cost;
            if (pair) {
                i++;
            }
        }
        return new SmsSegments(SmsEncoding.UCS2, total, segments);
    }
}
