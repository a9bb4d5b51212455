package dev.nps.channels.sms;

import java.io.ByteArrayOutputStream;

/** The GSM 03.38 default alphabet and its extension table, as unpacked septets (one per byte). */
final class Gsm7 {
    static final byte ESCAPE = 0x1B;

    /** Index = septet; ESC (0x1B) is a placeholder that never matches real text. */
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Extension characters, each sent as ESC followed by the septet at the same position in EXTENSION_CODES. */
    private static final String EXTENSION = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    /** Septet cost per BMP char: 0 = not encodable, 1 = basic, 2 = extension. Index by char. */
    private static final byte[] COST = new byte[0x10000];
    private static final byte[] CODE = new byte[0x10000];

    static {
        if (BASIC.length() != 128) {
            throw new AssertionError("GSM basic table must have 128 entries, has " + BASIC.length());
        }
        for (int i = 0; i < 128; i++) {
            char c = BASIC.charAt(i);
            if (i == ESCAPE) {
                continue;
            }
            COST[c] = 1;
            CODE[c] = (byte) i;
        }
        for (int i = 0; i < EXTENSION.length(); i++) {
            char c = EXTENSION.charAt(i);
            COST[c] = 2;
            CODE[c] = EXTENSION_CODES[i];
        }
    }

    private Gsm7() {}

    /** @return septets this char takes: 1 (basic), 2 (extension) or 0 when GSM-7 cannot carry it */
    static int cost(char c) {
        return COST[c];
    }

    /** @return whether every char of the text is in the basic or extension table */
    static boolean canEncode(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (COST[text.charAt(i)] == 0) {
                return false;
            }
        }
        return true;
    }

    /** @return the text as unpacked septets, extension characters preceded by ESC */
    static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int cost = COST[c];
            if (cost == 0) {
                throw new IllegalArgumentException("character at index " + i + " is not in the GSM 03.38 alphabet");
            }
            if (cost == 2) {
                out.write(ESCAPE);
            }
            out.write(CODE[c]);
        }
        return out.toByteArray();
    }

    /** @return the text of unpacked septets; unknown escapes decode as a space, as 03.38 advises */
    static String decode(byte[] septets) {
        StringBuilder sb = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int s = septets[i] & 0x7F;
            if (s == ESCAPE && i + 1 < septets.length) {
                int e = septets[++i] & 0x7F;
                int k = -1;
                for (int j = 0; j < EXTENSION_CODES.length; j++) {
                    if (EXTENSION_CODES[j] == e) {
                        k = j;
                    }
                }
                sb.append(k >= 0 ? EXTENSION.charAt(k) : ' ');
            } else {
                sb.append(s == ESCAPE ? ' ' : BASIC.charAt(s));
            }
        }
        return sb.toString();
    }
}
