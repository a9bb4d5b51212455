package dev.nps.channels.sms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the top-level scalar fields of a JSON object (nested values are skipped), which is all a provider's
 * answer needs. Lenient: returns what it read before a syntax error.
 */
final class Json {
    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    /** @return top-level fields: strings as-is, numbers, booleans and null as their literal text */
    static Map<String, String> topLevel(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        Json p = new Json(json);
        try {
            p.ws();
            if (!p.eat('{')) {
                return out;
            }
            p.ws();
            if (p.eat('}')) {
                return out;
            }
            do {
                p.ws();
                String key = p.string();
                p.ws();
                p.expect(':');
                p.ws();
                Optional<String> v = p.value();
                v.ifPresent(val -> out.put(key, val));
                p.ws();
            } while (p.eat(','));
        } catch (IllegalStateException | IndexOutOfBoundsException e) {
            // Malformed answer: keep what was read.
        }
        return out;
    }

    private Optional<String> value() {
        char c = s.charAt(i);
        if (c == '"') {
            return Optional.of(string());
        }
        if (c == '{' || c == '[') {
            skipNested();
            return Optional.empty();
        }
        int start = i;
        while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return Optional.of(s.substring(start, i));
    }

    private void skipNested() {
        int depth = 0;
        do {
            char c = s.charAt(i);
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            i++;
        } while (depth > 0);
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private boolean eat(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw new IllegalStateException("expected " + c + " at " + i);
        }
    }
}
