package dev.nps.engine.text;

import dev.nps.api.NpsException;
import java.util.List;

/**
 * A theme a user defines: a name and the keywords or example phrases that mark it. User themes take precedence
 * over discovered ones: their keywords are removed from every discovered theme.
 *
 * @param name     the label shown in reports, 1..100 characters, not blank
 * @param keywords words or short phrases ("late delivery", "courier"); matched after stemming, case-insensitive
 * @since 0.1
 */
public record UserTheme(String name, List<String> keywords) {
    /** Longest theme name accepted. {@value} */
    public static final int MAX_NAME_LENGTH = 100;

    /**
     * @throws NpsException {@code INVALID_ARGUMENT} when the name is blank or too long, or when no keyword holds a
     *                      word other than a stop word
     */
    public UserTheme {
        name = validName(name, "userTheme.name");
        if (keywords == null || keywords.isEmpty()) {
            throw NpsException.invalid("userTheme['" + name + "'].keywords", "must list at least one word or phrase");
        }
        keywords = List.copyOf(keywords);
        boolean any = false;
        for (String k : keywords) {
            if (k == null || k.isBlank()) {
                throw NpsException.invalid("userTheme['" + name + "'].keywords", "must not contain a blank keyword");
            }
            any |= Terms.keywordTerm(k) != null;
        }
        if (!any) {
            throw NpsException.invalid("userTheme['" + name + "'].keywords",
                    "holds only stop words such as 'the' or 'was'; add a content word");
        }
    }

    /** @return a user theme from a name and keywords */
    public static UserTheme of(String name, String... keywords) {
        return new UserTheme(name, keywords == null ? null : List.of(keywords));
    }

    static String validName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw NpsException.invalid(field, "must not be blank");
        }
        String n = name.strip();
        if (n.length() > MAX_NAME_LENGTH) {
            throw NpsException.invalid(field, "must be at most " + MAX_NAME_LENGTH + " characters (got " + n.length() + ")");
        }
        return n;
    }
}
