package dev.nps.channels.sms;

import dev.nps.api.Score;
import java.util.Objects;

/**
 * What an inbound SMS means. {@link #toString()} never shows a comment's text.
 *
 * @since 0.1
 */
public sealed interface ReplyIntent {

    /** A score 0..10 for the latest open invitation. */
    record ScoreReply(Score score) implements ReplyIntent {
        public ScoreReply {
            Objects.requireNonNull(score, "score");
        }
    }

    /** STOP and its synonyms: suppress the number. */
    record OptOut() implements ReplyIntent {}

    /** START or UNSTOP: lift the suppression. */
    record Resubscribe() implements ReplyIntent {}

    /** HELP: send the help text. */
    record Help() implements ReplyIntent {}

    /** Any other text: an answer to the follow-up question. */
    record Comment(String text) implements ReplyIntent {
        public Comment {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Comment[" + text.length() + " chars]";
        }
    }
}
