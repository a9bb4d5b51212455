package dev.nps.channels.sms;

import dev.nps.api.Score;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's side of an SMS conversation: what {@link SmsConversation} calls to apply a reply. The engine
 * implements it over its store; every method is idempotent for a repeated call with the same arguments and
 * thread-safe. Phone numbers are E.164.
 *
 * @since 0.1
 */
public interface SmsReplyHandler {

    /**
     * @param phone the sender
     * @return the language of the contact with this number, if known (number words are read in it)
     */
    default Optional<Locale> localeOf(String phone) {
        return Optional.empty();
    }

    /**
     * Records a score for the latest open (unanswered, unexpired) invitation sent by SMS to this number.
     *
     * @param phone the sender
     * @param score the score
     * @return what was recorded, or empty when the number has no open invitation
     */
    Optional<ScoreRecorded> recordScore(String phone, Score score);

    /**
     * Records a comment on the response this number gave last, once: only when that response has no comment yet.
     *
     * @param phone the sender
     * @param text  the comment, not blank, at most {@link ReplyParser#MAX_COMMENT_LENGTH} characters
     * @return what happened
     */
    CommentResult recordComment(String phone, String text);

    /** Suppresses the number: no more SMS to it until it resubscribes. */
    void suppress(String phone);

    /** Lifts a suppression of the number made by an opt-out reply. */
    void resubscribe(String phone);

    /**
     * A recorded score.
     *
     * @param invitationId the invitation answered
     * @param followUp     the survey's follow-up question for the score's category, if it has one
     * @param locale       the language to reply in
     */
    record ScoreRecorded(String invitationId, Optional<String> followUp, Locale locale) {
        public ScoreRecorded {
            Objects.requireNonNull(invitationId, "invitationId");
            Objects.requireNonNull(followUp, "followUp");
            Objects.requireNonNull(locale, "locale");
        }
    }

    /** What {@link #recordComment} did. */
    enum CommentResult {
        /** Stored on the last response. */
        RECORDED,
        /** The number has an open invitation but no score yet: the text was not a score. */
        AWAITING_SCORE,
        /** Nothing to attach it to (no response, or it already has a comment): ignored. */
        IGNORED
    }
}
