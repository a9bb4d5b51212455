package dev.nps.nlp.embeddings;

import dev.nps.api.NpsException;
import java.util.List;

/**
 * A theme a user defines by examples, for zero-shot assignment: a comment gets the theme when its sentence embedding
 * is close enough to one of the examples, whatever its words ("the box never showed up" is a "Delivery" comment with
 * the example "my parcel arrived late"). Examples can be keywords or whole example comments; a few varied ones work
 * better than many alike.
 *
 * @param name     the label shown in reports, 1..100 characters, not blank
 * @param examples 1..50 keywords, phrases or example comments, none blank, each at most
 *                 {@value EmbeddingTextAnalyser#MAX_CHARS} characters
 * @since 0.1
 */
public record ExampleTheme(String name, List<String> examples) {
    /** Most examples per theme. {@value} */
    public static final int MAX_EXAMPLES = 50;

    /** @throws NpsException {@code INVALID_ARGUMENT} naming the field and the fix */
    public ExampleTheme {
        if (name == null || name.isBlank()) {
            throw NpsException.invalid("exampleTheme.name", "must not be blank; give the label reports should show");
        }
        name = name.strip();
        if (name.length() > 100) {
            throw NpsException.invalid("exampleTheme.name", "is " + name.length() + " characters; use at most 100");
        }
        String field = "exampleTheme['" + name + "'].examples";
        if (examples == null || examples.isEmpty()) {
            throw NpsException.invalid(field, "must list at least one keyword, phrase or example comment");
        }
        if (examples.size() > MAX_EXAMPLES) {
            throw NpsException.invalid(field, "lists " + examples.size() + " examples; use at most " + MAX_EXAMPLES);
        }
        for (String e : examples) {
            if (e == null || e.isBlank()) {
                throw NpsException.invalid(field, "must not contain a blank example");
            }
            if (e.length() > EmbeddingTextAnalyser.MAX_CHARS) {
                throw NpsException.invalid(field, "holds an example of " + e.length() + " characters; use at most "
                        + EmbeddingTextAnalyser.MAX_CHARS);
            }
        }
        examples = examples.stream().map(String::strip).toList();
    }

    /**
     * @param name     the label
     * @param examples keywords, phrases or example comments
     * @return the theme
     */
    public static ExampleTheme of(String name, String... examples) {
        return new ExampleTheme(name, examples == null ? null : List.of(examples));
    }
}
