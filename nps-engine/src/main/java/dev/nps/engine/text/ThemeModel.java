package dev.nps.engine.text;

import dev.nps.api.NpsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The themes comments are tagged with: the user's themes first, then themes discovered from a batch of comments.
 * Immutable; every change returns a new model. Renames and merges are remembered, so that
 * {@link #rediscover(Collection)} on new comments applies them again.
 *
 * <p>Discovery is unsupervised: frequent, distinctive words and phrases of the batch are grouped into themes by the
 * contexts they share, around a small built-in map of customer-feedback topics (price, customer service, delivery
 * time, ...); see {@link #discover(Collection, List)}.
 *
 * @since 0.1
 */
public final class ThemeModel {
    /**
     * A theme of the model.
     *
     * @param name        its label
     * @param keywords    the words and phrases that mark it, most frequent first, as written in the comments
     * @param userDefined whether a user defined it
     */
    public record Theme(String name, List<String> keywords, boolean userDefined) {
        public Theme {
            Objects.requireNonNull(name, "name");
            keywords = List.copyOf(keywords);
        }
    }

    /**
     * One theme with its stemmed terms; the terms are what the tagger matches.
     *
     * @param topic    whether it is a topic of the built-in map (grown from its seed words by discovery)
     * @param mentions how many comments of the discovery batch mention it; 0 when it was not discovered from a batch
     */
    record Entry(String name, Set<String> terms, List<String> keywords, boolean userDefined, boolean topic, int mentions) {
        Entry {
            terms = Set.copyOf(terms);
            keywords = List.copyOf(keywords);
        }

        Entry(String name, Set<String> terms, List<String> keywords, boolean userDefined) {
            this(name, terms, keywords, userDefined, false, 0);
        }
    }

    /** A remembered rename or merge. */
    private record Edit(List<String> from, String to) {}

    private static final ThemeModel BUILTIN = new ThemeModel(List.of(), new ThemeDiscovery.Result(seedEntries(), Map.of()),
            List.of(), ThemeDiscovery.Options.DEFAULT);

    private final List<UserTheme> userThemes;
    private final ThemeDiscovery.Result discovered;
    private final List<Edit> edits;
    private final ThemeDiscovery.Options options;
    private final List<Entry> entries;
    private final ThemeTagger tagger;
    private final Map<String, Double> lexicon;

    private ThemeModel(List<UserTheme> userThemes, ThemeDiscovery.Result discovered, List<Edit> edits,
                       ThemeDiscovery.Options options) {
        this.options = options;
        this.userThemes = List.copyOf(userThemes);
        this.edits = List.copyOf(edits);
        List<Entry> user = new ArrayList<>();
        Set<String> userTerms = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (UserTheme u : this.userThemes) {
            if (!names.add(u.name().toLowerCase(java.util.Locale.ROOT))) {
                throw NpsException.invalid("userThemes", "name '" + u.name() + "' is used twice; merge the keywords into one theme");
            }
            Set<String> terms = new LinkedHashSet<>();
            for (String k : u.keywords()) {
                String t = Terms.keywordTerm(k);
                if (t != null) {
                    terms.add(t);
                }
            }
            userTerms.addAll(terms);
            user.add(new Entry(u.name(), terms, u.keywords(), true));
        }
        List<Entry> rest = new ArrayList<>();
        for (Entry e : applyEdits(discovered.entries(), this.edits)) {
            Set<String> terms = new LinkedHashSet<>(e.terms());
            // user themes take precedence: their words no longer mark a discovered theme
            terms.removeAll(userTerms);
            if (!terms.isEmpty() && !names.contains(e.name().toLowerCase(java.util.Locale.ROOT))) {
                names.add(e.name().toLowerCase(java.util.Locale.ROOT));
                rest.add(new Entry(e.name(), terms, e.keywords(), false, e.topic(), e.mentions()));
            }
        }
        this.discovered = discovered;
        List<Entry> all = new ArrayList<>(user);
        all.addAll(rest);
        this.entries = List.copyOf(all);
        List<String> n = new ArrayList<>();
        List<Set<String>> t = new ArrayList<>();
        int[] breadth = new int[entries.size()];
        for (Entry e : entries) {
            breadth[n.size()] = e.topic() ? e.mentions() : 0;
            n.add(e.name());
            t.add(e.terms());
        }
        this.tagger = new ThemeTagger(n, t, discovered.weights(), user.size(), breadth);
        Map<String, Double> words = new java.util.TreeMap<>(discovered.lexicon());
        // a user's theme word names what is judged, it is not a judgement
        words.keySet().removeIf(w -> userTerms.contains(Terms.stemOf(w)));
        this.lexicon = java.util.Collections.unmodifiableMap(words);
    }

    /** @return the model before any discovery: the built-in customer-feedback topics */
    public static ThemeModel builtin() {
        return BUILTIN;
    }

    /**
     * Discovers themes in a batch of comments.
     *
     * @param comments the comments, none null; odd ones (empty, huge, binary) are harmless
     * @return the model
     */
    public static ThemeModel discover(Collection<String> comments) {
        return discover(comments, List.of());
    }

    /**
     * Discovers themes in a batch of comments, with the user's themes taking precedence.
     *
     * @param comments   the comments
     * @param userThemes the user's themes, in the order they should be listed
     * @return the model
     * @throws NpsException {@code INVALID_ARGUMENT} when an argument is null or two user themes share a name
     */
    public static ThemeModel discover(Collection<String> comments, List<UserTheme> userThemes) {
        if (comments == null) {
            throw NpsException.invalid("comments", "must not be null; pass an empty list for none");
        }
        if (userThemes == null) {
            throw NpsException.invalid("userThemes", "must not be null; pass an empty list for none");
        }
        return new ThemeModel(userThemes, ThemeDiscovery.discover(comments, ThemeDiscovery.Options.DEFAULT), List.of(),
                ThemeDiscovery.Options.DEFAULT);
    }

    /**
     * Discovers themes with or without the built-in map of customer-feedback topics; without it, every theme comes
     * from the batch alone (for domains far from product and service feedback).
     *
     * @param comments      the comments
     * @param userThemes    the user's themes
     * @param builtinTopics whether the built-in topic map seeds the themes
     * @return the model
     */
    public static ThemeModel discover(Collection<String> comments, List<UserTheme> userThemes, boolean builtinTopics) {
        if (comments == null) {
            throw NpsException.invalid("comments", "must not be null; pass an empty list for none");
        }
        if (userThemes == null) {
            throw NpsException.invalid("userThemes", "must not be null; pass an empty list for none");
        }
        ThemeDiscovery.Options o = builtinTopics ? ThemeDiscovery.Options.DEFAULT : ThemeDiscovery.Options.DEFAULT.withoutSeeds();
        return new ThemeModel(userThemes, ThemeDiscovery.discover(comments, o), List.of(), o);
    }

    /**
     * @param comments a new batch
     * @return a model discovered from the new batch the same way (with or without the built-in topics), with this
     *         model's user themes, renames and merges
     */
    public ThemeModel rediscover(Collection<String> comments) {
        if (comments == null) {
            throw NpsException.invalid("comments", "must not be null; pass an empty list for none");
        }
        return new ThemeModel(userThemes, ThemeDiscovery.discover(comments, options), edits, options);
    }

    /**
     * @param themes the user's themes, replacing the current ones
     * @return a model with these user themes and the same discovered themes
     */
    public ThemeModel withUserThemes(List<UserTheme> themes) {
        if (themes == null) {
            throw NpsException.invalid("userThemes", "must not be null; pass an empty list for none");
        }
        return new ThemeModel(themes, discovered, edits, options);
    }

    /**
     * @param from the name of a discovered theme
     * @param to   its new name
     * @return a model where the theme has the new name
     * @throws NpsException {@code NOT_FOUND} when no discovered theme has that name, {@code INVALID_ARGUMENT} when
     *                      the new name is blank or taken
     */
    public ThemeModel rename(String from, String to) {
        return merge(List.of(requireDiscovered(from, "rename.from")), UserTheme.validName(to, "rename.to"));
    }

    /**
     * @param first  a discovered theme
     * @param second another discovered theme
     * @param into   the name of the merged theme (may be one of the two)
     * @return a model where the two are one theme
     */
    public ThemeModel merge(String first, String second, String into) {
        String a = requireDiscovered(first, "merge.first");
        String b = requireDiscovered(second, "merge.second");
        if (a.equalsIgnoreCase(b)) {
            throw NpsException.invalid("merge.second", "names the same theme as merge.first ('" + a + "')");
        }
        return merge(List.of(a, b), UserTheme.validName(into, "merge.into"));
    }

    private ThemeModel merge(List<String> from, String to) {
        for (Entry e : entries) {
            boolean merged = from.stream().anyMatch(f -> f.equalsIgnoreCase(e.name()));
            if (!merged && e.name().equalsIgnoreCase(to)) {
                throw NpsException.invalid("name", "'" + to + "' is already the name of another theme; pick another or merge them");
            }
        }
        List<Edit> next = new ArrayList<>(edits);
        next.add(new Edit(from, to));
        return new ThemeModel(userThemes, discovered, next, options);
    }

    private String requireDiscovered(String name, String field) {
        if (name == null) {
            throw NpsException.invalid(field, "must not be null");
        }
        for (Entry e : entries) {
            if (!e.userDefined() && e.name().equalsIgnoreCase(name.strip())) {
                return e.name();
            }
        }
        throw new NpsException(dev.nps.api.ErrorCode.NOT_FOUND, field + ": no discovered theme is named '" + name
                + "'; see ThemeModel.themes() for the names (user themes are changed by withUserThemes)");
    }

    private static List<Entry> applyEdits(List<Entry> discovered, List<Edit> edits) {
        List<Entry> list = new ArrayList<>(discovered);
        for (Edit edit : edits) {
            Set<String> terms = new LinkedHashSet<>();
            List<String> keywords = new ArrayList<>();
            int position = -1;
            boolean topic = false;
            int mentions = 0;
            for (int i = 0; i < list.size(); i++) {
                Entry e = list.get(i);
                if (edit.from().stream().anyMatch(f -> f.equalsIgnoreCase(e.name()))) {
                    terms.addAll(e.terms());
                    keywords.addAll(e.keywords());
                    position = position < 0 ? i : position;
                    topic |= e.topic();
                    // at most the sum: a comment may mention both
                    mentions += e.mentions();
                }
            }
            if (position >= 0) {
                // the merged theme takes the place of the first one it came from
                Entry merged = new Entry(edit.to(), terms, keywords.stream().distinct().toList(), false, topic, mentions);
                List<Entry> next = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    Entry e = list.get(i);
                    if (i == position) {
                        next.add(merged);
                    } else if (edit.from().stream().noneMatch(f -> f.equalsIgnoreCase(e.name()))) {
                        next.add(e);
                    }
                }
                list = next;
            }
        }
        return list;
    }

    /** @return every theme: user themes first, then discovered ones, largest first */
    public List<Theme> themes() {
        List<Theme> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(new Theme(e.name(), e.keywords(), e.userDefined()));
        }
        return List.copyOf(out);
    }

    /** @return the theme of that name (case-insensitive), if any */
    public Optional<Theme> theme(String name) {
        return themes().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /** @return the tagger of this model */
    public ThemeTagger tagger() {
        return tagger;
    }

    /**
     * @param text a comment
     * @return the themes it mentions, most relevant first
     */
    public List<String> tag(String text) {
        return tagger.tag(text);
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * The polar words of the batch's domain that the sentiment lexicon lacks, learnt by discovery from how they are
     * joined to rated words ("cold and soggy", "pricey but good") and from misspellings of rated words
     * ("magnificant"); they count in the sentiment towards a theme ({@link AspectSentiment}), not in a whole
     * comment's score.
     *
     * @return word to valence (VADER's scale), sorted by word; empty for the built-in model
     * @since 0.1
     */
    public Map<String, Double> inducedLexicon() {
        return lexicon;
    }

    private static List<Entry> seedEntries() {
        List<Entry> out = new ArrayList<>();
        ThemeVocabulary.SEEDS.forEach((label, words) -> {
            Set<String> terms = new LinkedHashSet<>();
            for (String w : words) {
                String t = Terms.keywordTerm(w);
                if (t != null) {
                    terms.add(t);
                }
            }
            out.add(new Entry(label, terms, words, false, true, 0));
        });
        return out;
    }

    @Override
    public String toString() {
        return "ThemeModel" + entries.stream().map(Entry::name).toList();
    }
}
