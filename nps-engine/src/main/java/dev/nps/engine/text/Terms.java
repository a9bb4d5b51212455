package dev.nps.engine.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns text into theme terms: Porter stems of the non-stop words, and the bigrams and trigrams of stems that are
 * adjacent with no stop word between them, written with one space ("deliveri time"). An amount after a currency sign
 * ("$12") reads as the word "money", so it counts as a remark on prices.
 */
final class Terms {
    private Terms() {}

    /** A word and its stem; the stem is null for a stop word (a phrase boundary). */
    record Token(String word, String stem) {}

    /**
     * Idioms whose words would otherwise name a topic they are not about: "no big deal" is not about prices, "worth
     * the trip" not about value, "pay attention" not about payment.
     */
    private static final java.util.Map<String, List<String[]>> NON_TOPIC_IDIOMS = java.util.Map.copyOf(java.util.stream.Stream.of("big deal", "great deal of",
            "good deal of", "pay attention", "paying attention", "paid attention", "at all costs", "at any cost",
            "worth the trip", "worth a trip", "worth the visit", "worth a visit", "worth visiting", "worth the wait",
            "worth the drive", "worth the hype", "worth mentioning", "worth noting", "can't wait", "cant wait",
            "cannot wait", "couldn't wait", "first time", "last time", "next time", "every time", "each time",
            "this time", "that time", "few times", "many times", "several times",
            "fast food", "late night", "late lunch", "late dinner", "late afternoon", "late evening")
            .map(p -> p.split(" ")).collect(java.util.stream.Collectors.groupingBy(p -> p[0])));

    /** A currency sign before an amount ("$12", "€ 5"): a remark on money whatever words surround it. */
    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("\\p{Sc}(?=\\s?\\d)");

    static List<Token> tokens(String text) {
        List<String> words = Tokeniser.words(hasCurrencySign(text) ? AMOUNT.matcher(text).replaceAll(" money ") : text);
        List<Token> out = new ArrayList<>(words.size());
        for (String w : words) {
            boolean stop = ThemeVocabulary.STOP_WORDS.contains(w) || w.length() < 2 || isNumber(w);
            out.add(new Token(w, stop ? null : stemOf(w)));
        }
        for (int i = 0; i < out.size(); i++) {
            List<String[]> starting = NON_TOPIC_IDIOMS.get(out.get(i).word());
            if (starting == null) {
                continue;
            }
            for (String[] idiom : starting) {
                if (matches(out, i, idiom)) {
                    for (int k = 0; k < idiom.length; k++) {
                        out.set(i + k, new Token(out.get(i + k).word(), null));
                    }
                }
            }
        }
        return out;
    }

    private static boolean matches(List<Token> tokens, int at, String[] idiom) {
        if (at + idiom.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < idiom.length; k++) {
            if (!tokens.get(at + k).word().equals(idiom[k])) {
                return false;
            }
        }
        return true;
    }

    static String stemOf(String word) {
        String w = word.replace("'", "");
        // Porter cuts "reasonable" to "reason", which would make "for no reason" a remark on prices
        if (w.startsWith("reasonabl")) {
            return "reasonabl";
        }
        // "we were seated" is about the staff, "the seating" about the room: Porter gives both "seat"
        if (w.equals("seated")) {
            return "seated";
        }
        return PorterStemmer.stem(w);
    }

    /** @return the distinct unigram, bigram and trigram terms of a text */
    static Set<String> terms(String text) {
        return terms(tokens(text), 3);
    }

    static Set<String> terms(List<Token> tokens, int maxN) {
        Set<String> out = new LinkedHashSet<>();
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            String s = tokens.get(i).stem();
            if (s == null) {
                continue;
            }
            out.add(s);
            StringBuilder sb = new StringBuilder(s);
            for (int k = 1; k < maxN && i + k < n && tokens.get(i + k).stem() != null; k++) {
                sb.append(' ').append(tokens.get(i + k).stem());
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** @return the stemmed term of a keyword or phrase given by a user, or null when it holds only stop words */
    static String keywordTerm(String keyword) {
        List<Token> tokens = tokens(keyword);
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (t.stem() == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.stem());
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static boolean hasCurrencySign(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.getType(text.charAt(i)) == Character.CURRENCY_SYMBOL) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
