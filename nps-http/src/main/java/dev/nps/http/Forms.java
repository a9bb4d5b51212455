package dev.nps.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads size-limited request bodies and parses URL-encoded forms and queries. */
final class Forms {
    /** The body was larger than allowed. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body too large");
        }
    }

    private Forms() {}

    /** Reads at most {@code limit} bytes; throws {@link TooLarge} beyond. */
    static byte[] read(InputStream in, String contentLength, int limit) throws IOException {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.strip()) > limit) {
                    throw new TooLarge();
                }
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length");
            }
        }
        byte[] buf = in.readNBytes(limit + 1);
        if (buf.length > limit) {
            throw new TooLarge();
        }
        return buf;
    }

    /** @return the fields of an application/x-www-form-urlencoded text; the first value of a repeated name wins */
    static Map<String, String> parse(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq >= 0 ? pair.substring(0, eq) : pair, StandardCharsets.UTF_8);
                String value = eq >= 0 ? URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "";
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                // A malformed escape: ignore the pair, the field is then missing and reported as such.
            }
        }
        return fields;
    }
}
