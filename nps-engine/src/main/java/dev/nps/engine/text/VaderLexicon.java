package dev.nps.engine.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The VADER word and emoji lexicons (MIT, Hutto and Gilbert 2014) and the project's additions
 * ({@code nps_lexicon_additions.txt}), loaded once from the class path, with the adverbs derived from rated adjectives.
 */
final class VaderLexicon {
    private final Map<String, Double> words;
    private final Map<String, String> emoji;
    private final int maxEmojiCodePoints;
    private final Map<String, Double> added;
    private final Map<String, Double> adverbs;
    /** The words with the additions and the derived adverbs. */
    private final Map<String, Double> extended;

    private VaderLexicon(Map<String, Double> words, Map<String, String> emoji, int maxEmojiCodePoints,
            Map<String, Double> added) {
        this.words = words;
        this.emoji = emoji;
        this.maxEmojiCodePoints = maxEmojiCodePoints;
        this.added = added;
        Map<String, Double> adv = new HashMap<>();
        // sorted, so that a form two words could derive takes the same valence on every run
        for (String w : new java.util.TreeSet<>(words.keySet())) {
            if (w.length() < 4 || !w.chars().allMatch(Character::isLetter)) {
                continue;
            }
            double v = words.get(w);
            for (String form : adverbsOf(w)) {
                if (!words.containsKey(form)) {
                    adv.putIfAbsent(form, v);
                }
            }
        }
        this.adverbs = Map.copyOf(adv);
        Map<String, Double> ext = new HashMap<>(adv);
        ext.putAll(added);
        ext.putAll(words);
        this.extended = Map.copyOf(ext);
    }

    /** "hilarious" gives "hilariously", "happy" "happily", "terrible" "terribly", "tragic" "tragically". */
    private static List<String> adverbsOf(String w) {
        if (w.endsWith("ly")) {
            return List.of();
        }
        if (w.endsWith("y")) {
            return List.of(w.substring(0, w.length() - 1) + "ily");
        }
        if (w.endsWith("le")) {
            return List.of(w.substring(0, w.length() - 1) + "y");
        }
        if (w.endsWith("ic")) {
            return List.of(w + "ally");
        }
        return List.of(w + "ly");
    }

    private static boolean hasRunOfThree(String w) {
        for (int i = 2; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == w.charAt(i - 1) && c == w.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    /** @return the word with runs of three or more equal letters cut to {@code keep}, or null when there is none */
    static String squeeze(String w, int keep) {
        if (!hasRunOfThree(w)) {
            return null;
        }
        StringBuilder sb = new StringBuilder(w.length());
        int i = 0;
        while (i < w.length()) {
            char c = w.charAt(i);
            int end = i;
            while (end < w.length() && w.charAt(end) == c) {
                end++;
            }
            int run = end - i;
            boolean cut = run >= 3;
            for (int k = 0; k < (cut ? keep : run); k++) {
                sb.append(c);
            }
            i = end;
        }
        return sb.toString();
    }

    Double added(String lower) {
        return added.get(lower);
    }

    Double adverb(String lower) {
        return adverbs.get(lower);
    }

    Double extended(String lower) {
        return extended.get(lower);
    }

    static VaderLexicon load() {
        Map<String, Double> words = new HashMap<>(16_000);
        forEachLine("vader_lexicon.txt", line -> {
            String[] f = line.strip().split("\t");
            if (f.length >= 2) {
                words.put(f[0], Double.parseDouble(f[1]));
            }
        });
        Map<String, String> emoji = new HashMap<>(8_000);
        int[] max = {1};
        forEachLine("emoji_utf8_lexicon.txt", line -> {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                String key = line.substring(0, tab);
                emoji.put(key, line.substring(tab + 1).strip());
                max[0] = Math.max(max[0], key.codePointCount(0, key.length()));
            }
        });
        Map<String, Double> added = new HashMap<>();
        forEachLine("nps_lexicon_additions.txt", line -> {
            String[] f = line.strip().split("\t");
            if (!line.startsWith("#") && f.length >= 2 && !words.containsKey(f[0])) {
                added.put(f[0], Double.parseDouble(f[1]));
            }
        });
        return new VaderLexicon(Map.copyOf(words), Map.copyOf(emoji), max[0], Map.copyOf(added));
    }

    private static void forEachLine(String resource, java.util.function.Consumer<String> action) {
        try (InputStream in = VaderLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource dev/nps/engine/text/" + resource
                        + " is missing from the nps-engine jar; rebuild nps-engine");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    action.accept(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the VADER lexicon " + resource, e);
        }
    }

    Double valence(String lower) {
        return words.get(lower);
    }

    boolean isEmoji(String s) {
        return emoji.containsKey(s);
    }

    /** Replaces each emoji by its description, as VADER does, so "😀" scores like "grinning face". */
    String replaceEmoji(String text, boolean longestMatch) {
        StringBuilder sb = null;
        boolean prevSpace = true;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int step = Character.charCount(cp);
            String description = null;
            if (!longestMatch) {
                description = emoji.get(text.substring(i, i + step));
            } else if (cp >= 0x2000 || cp == 0xA9 || cp == 0xAE) {
                // longest match first, so skin tones and joined sequences use their own entry when there is one
                int end = i;
                int[] ends = new int[maxEmojiCodePoints];
                int k = 0;
                while (k < maxEmojiCodePoints && end < n) {
                    end += Character.charCount(text.codePointAt(end));
                    ends[k++] = end;
                }
                for (int m = k - 1; m >= 0 && description == null; m--) {
                    String d = emoji.get(text.substring(i, ends[m]));
                    if (d != null) {
                        description = d;
                        step = ends[m] - i;
                    }
                }
            }
            if (description != null) {
                if (sb == null) {
                    sb = new StringBuilder(n + 32);
                    sb.append(text, 0, i);
                }
                if (!prevSpace) {
                    sb.append(' ');
                }
                sb.append(description);
                prevSpace = false;
            } else {
                if (sb != null) {
                    sb.appendCodePoint(cp);
                }
                prevSpace = cp == ' ';
            }
            i += step;
        }
        return sb == null ? text : sb.toString();
    }
}
