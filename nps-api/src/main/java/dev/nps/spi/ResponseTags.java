package dev.nps.spi;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tags on responses (e.g. {@code follow-up-case}, {@code promoter-review-request}), set by the workflow and by people
 * triaging feedback. The engine keeps them in memory for the in-memory store (a restart forgets them); a store
 * implementing {@link WorkflowStorage} keeps them durably, and erasing a contact removes the tags of its responses.
 * Adding a tag twice or removing a missing one changes nothing. Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface ResponseTags {
    /** Longest tag. {@value} */
    int MAX_TAG_LENGTH = 64;

    /**
     * Adds tags; tags the response has already stay.
     *
     * @param responseId the response, an identifier (1-200 letters, digits or {@code . _ - : @ /})
     * @param tags       the tags, each as {@link #requireTag} accepts; may be empty
     * @return how many of the tags were new
     * @throws NpsException {@code INVALID_ARGUMENT} naming the field, before anything changes
     */
    int add(String responseId, Set<String> tags);

    /**
     * Removes tags; tags the response does not have are ignored.
     *
     * @param responseId as for {@link #add}
     * @param tags       as for {@link #add}
     * @return how many of the tags were removed
     * @throws NpsException {@code INVALID_ARGUMENT} naming the field, before anything changes
     */
    int remove(String responseId, Set<String> tags);

    /**
     * @param responseId as for {@link #add}
     * @return the response's tags in alphabetical order, empty when it has none
     */
    Set<String> tagsOf(String responseId);

    /**
     * Checks a tag: an ASCII letter, then ASCII letters, digits and {@code . _ -}, at most {@value #MAX_TAG_LENGTH}
     * characters (the format of attribute keys), so tags compare the same in every database.
     *
     * @param tag   the tag
     * @param field the field named in the error, e.g. {@code tags[2]}
     * @return the tag
     * @throws NpsException {@code INVALID_ARGUMENT} naming the field and the format
     */
    static String requireTag(String tag, String field) {
        Checks.notNull(tag, field);
        boolean ok = !tag.isEmpty() && tag.length() <= MAX_TAG_LENGTH && isAsciiLetter(tag.charAt(0));
        for (int i = 1; ok && i < tag.length(); i++) {
            char c = tag.charAt(i);
            ok = isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        }
        if (!ok) {
            throw NpsException.invalid(field, "a tag must start with a letter and hold only letters, digits, '.', '_' or '-',"
                    + " at most " + MAX_TAG_LENGTH + " characters (got " + tag.length() + " characters), e.g. needs-follow-up");
        }
        return tag;
    }

    /**
     * Checks the arguments of {@link #add} and {@link #remove}, so every implementation rejects the same input.
     *
     * @param responseId the response
     * @param tags       the tags
     * @return the tags, sorted, unmodifiable
     * @throws NpsException {@code INVALID_ARGUMENT} naming {@code responseId} or {@code tags[i]} (in sorted order)
     */
    static Set<String> requireTags(String responseId, Set<String> tags) {
        Checks.id(responseId, "responseId");
        Checks.notNull(tags, "tags");
        TreeSet<String> sorted = new TreeSet<>();
        int i = 0;
        for (String tag : tags) {
            sorted.add(requireTag(tag, "tags[" + i++ + "]"));
        }
        return Collections.unmodifiableSet(sorted);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
