package dev.nps.channels.email;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The mustache templates of invitation emails: a subject, a text body and an HTML body, per language. The built-in
 * set speaks English and German and falls back to English; users replace it with their own templates, which see
 * the same values ({@code question}, {@code scores} with {@code score} and {@code url}, {@code brand.*},
 * {@code postalAddress}, {@code unsubscribeUrl}, {@code reminder} (true for a reminder), and the built-in labels under
 * {@code t.*}).
 *
 * <p>In the HTML template every {@code {{value}}} is HTML-escaped; text and subject are not escaped (they are
 * not HTML), and the subject is folded to one line. Every template set is checked when it is created: the text
 * and HTML bodies must show all eleven score links, the postal address and the unsubscribe link.
 *
 * @since 0.1
 */
public final class EmailTemplates {
    /** Languages the built-in templates are written in. */
    public static final List<String> BUILT_IN_LANGUAGES = List.of("en", "de");
    private static final String FALLBACK = "en";
    private static final String RESOURCES = "/dev/nps/channels/email/templates/";

    private static final DefaultMustacheFactory HTML = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escapeHtml(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final DefaultMustacheFactory RAW = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private static volatile EmailTemplates builtIn;

    /** Per language: labels (always the built-in ones) and the three compiled templates. */
    private final Map<String, Language> sets;

    private record Language(Map<String, String> labels, Mustache subject, Mustache text, Mustache html) {}

    private EmailTemplates(Map<String, Language> sets) {
        this.sets = Collections.unmodifiableMap(new HashMap<>(sets));
    }

    /** @return the built-in English and German templates */
    public static EmailTemplates builtIn() {
        EmailTemplates t = builtIn;
        if (t == null) {
            String html = resource("html.mustache");
            String text = resource("text.mustache");
            Map<String, Language> sets = new HashMap<>();
            for (String lang : BUILT_IN_LANGUAGES) {
                Map<String, String> labels = labels(lang);
                sets.put(lang, compile(lang, labels, labels.get("subject"), text, html));
            }
            t = new EmailTemplates(sets);
            t.check();
            builtIn = t;
        }
        return t;
    }

    /**
     * Replaces the built-in templates for every language with these.
     *
     * @param subject mustache source of the subject
     * @param text    mustache source of the text/plain body
     * @param html    mustache source of the HTML body
     * @return the templates
     * @throws NpsException CONFIGURATION when a template does not compile or misses a required value
     */
    public static EmailTemplates of(String subject, String text, String html) {
        Map<String, Language> sets = new HashMap<>();
        for (String lang : BUILT_IN_LANGUAGES) {
            sets.put(lang, compile(lang, labels(lang), subject, text, html));
        }
        EmailTemplates t = new EmailTemplates(sets);
        t.check();
        return t;
    }

    /**
     * Returns a copy that uses these templates for one language (e.g. French or a custom German text).
     *
     * @param language the language, e.g. {@code Locale.FRENCH}
     * @param subject  mustache source of the subject
     * @param text     mustache source of the text/plain body
     * @param html     mustache source of the HTML body
     * @return the templates
     * @throws NpsException CONFIGURATION when a template does not compile or misses a required value
     */
    public EmailTemplates withLanguage(Locale language, String subject, String text, String html) {
        String lang = Objects.requireNonNull(language, "language").getLanguage();
        if (lang.isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, "templates: language has no language code; use e.g. Locale.FRENCH");
        }
        Map<String, Language> copy = new HashMap<>(sets);
        copy.put(lang, compile(lang, labels(lang), subject, text, html));
        EmailTemplates t = new EmailTemplates(copy);
        t.check();
        return t;
    }

    /**
     * Reads {@code subject.mustache}, {@code text.mustache} and {@code html.mustache} from a directory, and for each
     * language {@code xx} that has {@code subject_xx.mustache}, {@code text_xx.mustache} and {@code html_xx.mustache},
     * those for that language.
     *
     * @param dir the directory, never null
     * @return the templates
     * @throws NpsException CONFIGURATION naming the missing or broken file
     */
    public static EmailTemplates fromDirectory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new NpsException(ErrorCode.CONFIGURATION, "templates directory does not exist or is not a directory: " + dir);
        }
        EmailTemplates t = of(read(dir.resolve("subject.mustache")), read(dir.resolve("text.mustache")),
                read(dir.resolve("html.mustache")));
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String n = f.getFileName().toString();
                if (n.matches("subject_[a-z]{2,3}\\.mustache")) {
                    String lang = n.substring(8, n.length() - 9);
                    t = t.withLanguage(Locale.forLanguageTag(lang), read(f), read(dir.resolve("text_" + lang + ".mustache")),
                            read(dir.resolve("html_" + lang + ".mustache")));
                }
            }
        } catch (IOException e) {
            throw new NpsException(ErrorCode.CONFIGURATION, "templates directory cannot be listed: " + dir, e);
        }
        return t;
    }

    /** Renders for a locale, falling back to English; {@code context} gets the labels under {@code t}. */
    RenderedEmail render(Locale locale, Map<String, Object> context) {
        String lang = locale.getLanguage();
        Language set = sets.getOrDefault(lang, sets.get(FALLBACK));
        Map<String, Object> scope = new HashMap<>(context);
        scope.put("t", set.labels());
        scope.put("lang", sets.containsKey(lang) ? lang : FALLBACK);
        String subject = execute(set.subject(), scope).replaceAll("\\s+", " ").strip();
        scope.put("subject", subject);
        return new RenderedEmail(subject, execute(set.text(), scope), execute(set.html(), scope));
    }

    /** @return whether a language has templates of its own (otherwise English is used) */
    public boolean supports(Locale locale) {
        return sets.containsKey(Objects.requireNonNull(locale, "locale").getLanguage());
    }

    private static String execute(Mustache m, Map<String, Object> scope) {
        StringWriter w = new StringWriter();
        m.execute(w, scope);
        return w.toString();
    }

    /** Renders sample values and checks the bodies show every score link, the postal address and the unsubscribe link. */
    private void check() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> sample = sampleContext();
        for (Map.Entry<String, Language> e : new java.util.TreeMap<>(sets).entrySet()) {
            RenderedEmail r;
            try {
                r = render(Locale.forLanguageTag(e.getKey()), sample);
            } catch (MustacheException | UncheckedIOException ex) {
                problems.add("templates (" + e.getKey() + "): do not render: " + ex.getMessage());
                continue;
            }
            if (r.subject().isEmpty()) {
                problems.add("templates (" + e.getKey() + ") subject: renders empty");
            }
            requireAll("text", e.getKey(), r.text(), problems);
            requireAll("html", e.getKey(), r.html(), problems);
        }
        if (!problems.isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, String.join("; ", problems));
        }
    }

    private static void requireAll(String which, String lang, String body, List<String> problems) {
        for (int s = 0; s <= 10; s++) {
            if (!body.contains(sampleLink(s))) {
                problems.add("templates (" + lang + ") " + which + ": does not show the link for score " + s
                        + "; list them with {{#scores}}{{url}}{{/scores}}");
                break;
            }
        }
        if (!body.contains("Sample Street 1")) {
            problems.add("templates (" + lang + ") " + which + ": does not show {{postalAddress}}; the law requires it in the footer");
        }
        if (!body.contains("https://sample.invalid/unsubscribe")) {
            problems.add("templates (" + lang + ") " + which + ": does not show {{unsubscribeUrl}}");
        }
    }

    private static String sampleLink(int score) {
        return "https://sample.invalid/r/score-" + score + "-link";
    }

    private static Map<String, Object> sampleContext() {
        List<URI> links = new ArrayList<>();
        for (int s = 0; s <= 10; s++) {
            links.add(URI.create(sampleLink(s)));
        }
        return MessageRenderer.context(Brand.of("Sample"), "How likely are you to recommend Sample?", links,
                "Sample Street 1, 12345 Sample City", URI.create("https://sample.invalid/unsubscribe"));
    }

    private static Language compile(String lang, Map<String, String> labels, String subject, String text, String html) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        return new Language(labels, compile(RAW, subject, lang, "subject"), compile(RAW, text, lang, "text"),
                compile(HTML, html, lang, "html"));
    }

    private static Mustache compile(DefaultMustacheFactory factory, String source, String lang, String which) {
        try {
            // A unique name: the factory caches compiled templates by name.
            return factory.compile(new StringReader(source), "nps-" + which + "-" + lang + "-" + System.identityHashCode(source)
                    + "-" + source.hashCode());
        } catch (MustacheException e) {
            throw new NpsException(ErrorCode.CONFIGURATION, "templates (" + lang + ") " + which + ": not valid mustache: "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, String> labels(String lang) {
        Properties p = new Properties();
        String name = "messages_" + (BUILT_IN_LANGUAGES.contains(lang) ? lang : FALLBACK) + ".properties";
        try (InputStream in = EmailTemplates.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("built-in resource missing: " + name);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return Collections.unmodifiableMap(m);
    }

    private static String resource(String name) {
        try (InputStream in = EmailTemplates.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("built-in resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NpsException(ErrorCode.CONFIGURATION, "template file missing or unreadable: " + file
                    + "; a template directory needs subject.mustache, text.mustache and html.mustache", e);
        }
    }

    /** Escapes the five characters that matter in HTML text and quoted attributes. */
    static String escapeHtml(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    @Override
    public String toString() {
        return "EmailTemplates" + new java.util.TreeSet<>(sets.keySet());
    }
}
