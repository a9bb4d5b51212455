package dev.nps.channels.sms;

import dev.nps.api.Score;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of an inbound SMS into a {@link ReplyIntent}. Keywords are matched on the whole message,
 * trimmed and case-insensitive, as carriers do (CTIA): STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE,
 * OPTOUT and "opt out" opt out; START and UNSTOP resubscribe; HELP asks for help. A score is a whole number
 * 0..10, optionally followed by punctuation ({@code 10!}), or a number word in the contact's language
 * ({@code nine}, {@code neun}). Anything else is a comment. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ReplyParser {
    /** Longest comment kept; longer text is cut at a code point boundary. {@value} */
    public static final int MAX_COMMENT_LENGTH = 2000;

    private static final Set<String> OPT_OUT = Set.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke",
            "optout", "opt out", "opt-out");
    private static final Set<String> RESUBSCRIBE = Set.of("start", "unstop");
    private static final Set<String> HELP = Set.of("help", "info");
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,2})\\s*[!.?]*");
    private static final Pattern WORD = Pattern.compile("(\\p{L}+)\\s*[!.?]*");

    private final SmsTexts texts;

    /** @param texts supplies the number words of each language */
    public ReplyParser(SmsTexts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** @return a parser with the shipped English and German number words */
    public static ReplyParser defaults() {
        return new ReplyParser(SmsTexts.defaults());
    }

    /**
     * Parses an inbound message.
     *
     * @param text   the message text, never null
     * @param locale the contact's language (number words are read in it)
     * @return the intent, never null
     */
    public ReplyIntent parse(String text, Locale locale) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(locale, "locale");
        String t = text.strip();
        String key = t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (OPT_OUT.contains(key)) {
            return new ReplyIntent.OptOut();
        }
        if (RESUBSCRIBE.contains(key)) {
            return new ReplyIntent.Resubscribe();
        }
        if (HELP.contains(key)) {
            return new ReplyIntent.Help();
        }
        Matcher m = NUMBER.matcher(t);
        if (m.matches()) {
            int v = Integer.parseInt(m.group(1));
            if (v <= Score.MAX) {
                return new ReplyIntent.ScoreReply(Score.of(v));
            }
        }
        Matcher w = WORD.matcher(Normalizer.normalize(t, Normalizer.Form.NFC));
        if (w.matches()) {
            String word = w.group(1).toLowerCase(locale);
            List<List<String>> words = texts.scoreWords(locale);
            for (int score = 0; score < words.size(); score++) {
                if (words.get(score).contains(word)) {
                    return new ReplyIntent.ScoreReply(Score.of(score));
                }
            }
        }
        return new ReplyIntent.Comment(cut(t));
    }

    private static String cut(String t) {
        if (t.length() <= MAX_COMMENT_LENGTH) {
            return t;
        }
        int end = MAX_COMMENT_LENGTH;
        if (Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, end);
    }
}
