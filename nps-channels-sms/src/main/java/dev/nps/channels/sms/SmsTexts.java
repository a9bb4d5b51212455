package dev.nps.channels.sms;

import dev.nps.api.NpsException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The localised texts of the SMS channel: invitation templates, replies and the number words a respondent may
 * type. English and German ship with the library; any key can be overridden for all languages ({@code help})
 * or for one ({@code de.help}). Immutable.
 *
 * <p>Keys: {@value #INVITATION_REPLY}, {@value #INVITATION_REPLY_SHORT}, {@value #INVITATION_LINK},
 * {@value #INVITATION_LINK_SHORT}, {@value #INVITATION_LINKS}, {@value #INVITATION_LINKS_SHORT}, {@value #QUESTION_SHORT}, {@value #THANKS}, {@value #SCORE_HINT},
 * {@value #OPT_OUT}, {@value #RESUBSCRIBED}, {@value #HELP}.
 *
 * @since 0.1
 */
public final class SmsTexts {
    public static final String INVITATION_REPLY = "invitation.reply";
    public static final String INVITATION_REPLY_SHORT = "invitation.reply.short";
    public static final String INVITATION_LINK = "invitation.link";
    public static final String INVITATION_LINK_SHORT = "invitation.link.short";
    public static final String INVITATION_LINKS = "invitation.links";
    public static final String INVITATION_LINKS_SHORT = "invitation.links.short";
    public static final String QUESTION_SHORT = "question.short";
    public static final String THANKS = "reply.thanks";
    public static final String SCORE_HINT = "reply.scoreHint";
    public static final String OPT_OUT = "reply.optOut";
    public static final String RESUBSCRIBED = "reply.resubscribed";
    public static final String HELP = "reply.help";
    static final String WORDS = "words.scores";

    private static final Set<String> KEYS = Set.of(INVITATION_REPLY, INVITATION_REPLY_SHORT, INVITATION_LINK,
            INVITATION_LINK_SHORT, INVITATION_LINKS, INVITATION_LINKS_SHORT, QUESTION_SHORT, THANKS, SCORE_HINT, OPT_OUT, RESUBSCRIBED, HELP, WORDS);
    private static final String BUNDLE = "dev.nps.channels.sms.SmsMessages";
    private static final SmsTexts DEFAULTS = new SmsTexts(Map.of());

    private final Map<String, String> overrides;

    private SmsTexts(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** @return the shipped English and German texts, nothing overridden */
    public static SmsTexts defaults() {
        return DEFAULTS;
    }

    /**
     * Returns these texts with one key overridden.
     *
     * @param key  a key such as {@code reply.help}, optionally prefixed by a language: {@code de.reply.help}
     * @param text the text, not blank; templates may use {@code {question}} and {@code {link}}
     * @return a new instance
     * @throws NpsException {@code INVALID_ARGUMENT} for an unknown key or a blank text
     */
    public SmsTexts with(String key, String text) {
        Objects.requireNonNull(key, "key");
        String bare = key.matches("[a-z]{2,3}\\..*") && !KEYS.contains(key) ? key.substring(key.indexOf('.') + 1) : key;
        if (!KEYS.contains(bare)) {
            throw NpsException.invalid("sms.texts." + key, "unknown text key; use one of " + KEYS.stream().sorted().toList());
        }
        if (text == null || text.isBlank()) {
            throw NpsException.invalid("sms.texts." + key, "must not be blank");
        }
        Map<String, String> copy = new HashMap<>(overrides);
        copy.put(key, text.strip());
        return new SmsTexts(copy);
    }

    /**
     * @param key    a text key
     * @param locale the respondent's language
     * @return the text for that language: an override for the language, an override for all, the shipped
     *         text of the language, else English
     */
    public String get(String key, Locale locale) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(locale, "locale");
        String lang = locale.getLanguage();
        String v = overrides.get(lang + "." + key);
        if (v == null) {
            v = overrides.get(key);
        }
        if (v == null) {
            v = bundle(locale).getString(key);
        }
        return v;
    }

    /** @return number words per score (index = score), each a list of accepted spellings in lower case */
    List<List<String>> scoreWords(Locale locale) {
        String[] parts = get(WORDS, locale).split(",");
        if (parts.length != 11) {
            throw new NpsException(dev.nps.api.ErrorCode.CONFIGURATION,
                    "sms.texts." + WORDS + ": expected 11 comma-separated entries (scores 0..10), got " + parts.length);
        }
        return java.util.Arrays.stream(parts)
                .map(p -> java.util.Arrays.stream(p.split("\\|")).map(w -> w.strip().toLowerCase(locale)).filter(w -> !w.isEmpty()).toList())
                .toList();
    }

    private static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }
    }
}
