package dev.nps.spi;

/**
 * Why an invitation was not created or not sent.
 *
 * @since 0.1
 */
public enum SkipReason {
    /** The contact unsubscribed from this survey or from all surveys. */
    UNSUBSCRIBED,
    /** The contact has not consented to any channel the survey can use. */
    NO_CONSENT,
    /** The address or number is on the suppression list. */
    SUPPRESSED,
    /** No channel of the survey can reach the contact (no address, channel not configured). */
    NO_REACHABLE_CHANNEL,
    /** The contact was surveyed inside the fatigue window. */
    FATIGUE,
    /** The invitation was already answered (a reminder is never sent after a response). */
    ALREADY_RESPONDED,
    /** The contact no longer exists (erased). */
    CONTACT_NOT_FOUND,
    /** The survey no longer exists. */
    SURVEY_NOT_FOUND
}
