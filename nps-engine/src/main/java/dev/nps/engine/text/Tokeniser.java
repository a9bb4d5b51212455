package dev.nps.engine.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits comments into tokens for the two consumers: sentiment (VADER-style tokens that keep case, contractions,
 * emoticons and emphasis) and themes (lower-case word tokens).
 *
 * <p>Sentiment tokens follow the reference tokenisation of VADER: split on white space, strip leading and trailing
 * ASCII punctuation only when at least three characters remain, so {@code "good!!!"} becomes {@code good} while
 * {@code ":)"}, {@code ":-("} and {@code "don't"} survive; emoji are replaced by their lexicon descriptions before
 * splitting. The raw text keeps {@code !} and {@code ?} for the emphasis rules.
 */
final class Tokeniser {
    /** Longest text analysed; the rest of a longer comment is ignored, which bounds the time per comment. */
    static final int MAX_CHARS = 20_000;

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private Tokeniser() {}

    /**
     * Makes any input safe to analyse: control characters become spaces, unpaired surrogates are dropped and the
     * text is cut at {@link #MAX_CHARS}.
     */
    static String sanitise(String text) {
        return sanitise(text, true);
    }

    /**
     * @param unescapeHtml whether to decode the five basic HTML entities (plain VADER does not, as the reference)
     */
    static String sanitise(String text, boolean unescapeHtml) {
        if (text == null) {
            return "";
        }
        int len = Math.min(text.length(), MAX_CHARS);
        if (len > 0 && len < text.length() && Character.isHighSurrogate(text.charAt(len - 1))) {
            len--;
        }
        StringBuilder sb = null;
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            boolean bad = (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')
                    || (Character.isHighSurrogate(c) && (i + 1 >= len || !Character.isLowSurrogate(text.charAt(i + 1))))
                    || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))))
                    || c == '\uFFFD';
            if (bad && sb == null) {
                sb = new StringBuilder(len);
                sb.append(text, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? ' ' : c);
            }
        }
        String clean = sb != null ? sb.toString() : (len == text.length() ? text : text.substring(0, len));
        return unescapeHtml && clean.indexOf('&') >= 0 ? unescapeHtml(clean) : clean;
    }

    /** Comments exported from web forms often carry the five basic HTML entities; "&lt;3" is a heart. */
    private static String unescapeHtml(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&amp;", "&");
    }

    /** @return the sentiment tokens of sanitised text whose emoji were already replaced */
    static List<String> sentimentTokens(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(stripPunctuationIfWord(text, start, i));
            }
        }
        return out;
    }

    /**
     * @param text sanitised text whose emoji were already replaced, as given to {@link #sentimentTokens(String)}
     * @param n    how many sentiment tokens it has
     * @return for each sentiment token, whether it ends a clause: it ends with {@code , ; : . ! ?} or is a dash
     */
    static boolean[] clauseEnds(String text, int n) {
        boolean[] ends = new boolean[n];
        int len = text.length();
        int i = 0;
        int k = 0;
        while (i < len && k < n) {
            while (i < len && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < len && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                char last = text.charAt(i - 1);
                ends[k++] = ",;:.!?".indexOf(last) >= 0 || (last == '-' && i - start <= 2) || last == '\u2014'
                        || last == '\u2013';
            }
        }
        return ends;
    }

    private static String stripPunctuationIfWord(String text, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && PUNCTUATION.indexOf(text.charAt(s)) >= 0) {
            s++;
        }
        while (e > s && PUNCTUATION.indexOf(text.charAt(e - 1)) >= 0) {
            e--;
        }
        return e - s <= 2 ? text.substring(start, end) : text.substring(s, e);
    }

    /**
     * Python's {@code str.isupper()}: at least one cased character and none in lower case. Used for the
     * ALL-CAPS emphasis rule.
     */
    static boolean isUpper(String token) {
        boolean cased = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                cased = true;
            }
        }
        return cased;
    }

    /**
     * Lower-case words for theme mining: letters and digits, with inner apostrophes kept ({@code don't});
     * a possessive {@code 's} is dropped.
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    i++;
                } else if ((c == '\'' || c == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1)) && i > start) {
                    i++;
                } else {
                    break;
                }
            }
            if (i > start) {
                String w = text.substring(start, i).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                if (w.endsWith("'s")) {
                    w = w.substring(0, w.length() - 2);
                }
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** @return how many times {@code c} occurs in the text */
    static int count(String text, char c) {
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }
}
