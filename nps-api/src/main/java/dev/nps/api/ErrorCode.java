package dev.nps.api;

/**
 * Stable error codes carried by {@link NpsException}. Codes never change meaning between releases,
 * so callers may switch on them; messages may be reworded.
 *
 * @since 0.1
 */
public enum ErrorCode {
    /** An argument or field is missing or malformed; the message names the field and the fix. */
    INVALID_ARGUMENT,
    /** A score outside the integers 0..10. */
    INVALID_SCORE,
    /** A comment longer than the configured limit. */
    COMMENT_TOO_LONG,
    /** A looked-up survey, contact, response or invitation does not exist. */
    NOT_FOUND,
    /** The request conflicts with stored state (for example a different response for an answered invitation). */
    CONFLICT,
    /** Engine or plug-in configuration is invalid; the message lists every problem found. */
    CONFIGURATION,
    /** A required plug-in is not on the class path; the message names the artifact to add. */
    PROVIDER_MISSING,
    /** Several plug-ins could serve and none wins by name or priority; the message lists them. */
    PROVIDER_AMBIGUOUS,
    /** The store could not complete an operation; nothing was written half-way. */
    STORE_FAILURE,
    /** A channel could not be used (for example it is down or not configured). */
    CHANNEL_FAILURE,
    /** The engine has been closed. */
    CLOSED
}
