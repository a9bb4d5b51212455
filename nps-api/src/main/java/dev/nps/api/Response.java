package dev.nps.api;

import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One answer to a survey. The id is the idempotency key: recording the same id twice stores one response.
 * {@link #toString()} never shows the comment.
 *
 * @param id           identifier and idempotency key
 * @param surveyId     the survey answered
 * @param contactId    the person, or empty for an anonymous response
 * @param invitationId the invitation answered, if any (one response per invitation)
 * @param score        0..10
 * @param comment      the free-text answer to the follow-up, if any
 * @param channel      where it was answered
 * @param answeredAt   when (UTC instant)
 * @param attributes   response attributes (segment values captured with the answer)
 * @since 0.1
 */
public record Response(
        String id,
        String surveyId,
        Optional<String> contactId,
        Optional<String> invitationId,
        Score score,
        Optional<String> comment,
        ChannelName channel,
        Instant answeredAt,
        Map<String, String> attributes) {

    /** Hard upper bound on a comment's length in characters; the engine may set a lower limit. {@value} */
    public static final int MAX_COMMENT_LENGTH = 100_000;

    public Response {
        Checks.id(id, "response.id");
        Checks.id(surveyId, "response.surveyId");
        Checks.notNull(contactId, "response.contactId").ifPresent(c -> Checks.id(c, "response.contactId"));
        Checks.notNull(invitationId, "response.invitationId").ifPresent(c -> Checks.id(c, "response.invitationId"));
        Checks.notNull(score, "response.score");
        Checks.notNull(comment, "response.comment");
        if (comment.isPresent()) {
            String c = comment.get();
            if (c.length() > MAX_COMMENT_LENGTH) {
                throw new NpsException(ErrorCode.COMMENT_TOO_LONG, "response.comment: " + c.length()
                        + " characters, the limit is " + MAX_COMMENT_LENGTH + "; shorten it");
            }
            Checks.text(c, "response.comment");
            if (c.isBlank()) {
                comment = Optional.empty();
            }
        }
        Checks.notNull(channel, "response.channel");
        Checks.notNull(answeredAt, "response.answeredAt");
        attributes = Checks.attributes(attributes, "response.attributes");
    }

    /** @return the category of the score */
    public Category category() {
        return score.category();
    }

    /** @return whether no contact is attached */
    public boolean anonymous() {
        return contactId.isEmpty();
    }

    /** @return a copy with another score and comment (an edit) */
    public Response withAnswer(Score newScore, Optional<String> newComment) {
        return new Response(id, surveyId, contactId, invitationId, newScore, newComment, channel, answeredAt, attributes);
    }

    /** @return a builder for a response to the survey with the given score */
    public static Builder builder(String surveyId, int score) {
        return new Builder(surveyId, Score.of(score));
    }

    @Override
    public String toString() {
        return "Response[id=" + id + ", survey=" + surveyId + ", contact=" + contactId.orElse("anonymous")
                + ", invitation=" + invitationId.orElse("none") + ", score=" + score.value()
                + ", comment=" + (comment.isPresent() ? comment.get().length() + " chars" : "none")
                + ", channel=" + channel + ", answeredAt=" + answeredAt + "]";
    }

    /** Fluent builder. Without an id, a random UUID is used (then re-submission is not idempotent). */
    public static final class Builder {
        private final String surveyId;
        private final Score score;
        private String id;
        private String contactId;
        private String invitationId;
        private String comment;
        private ChannelName channel = ChannelName.API;
        private Instant answeredAt;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String surveyId, Score score) {
            this.surveyId = Checks.id(surveyId, "response.surveyId");
            this.score = score;
        }

        public Builder id(String id) {
            this.id = Checks.id(id, "response.id");
            return this;
        }

        public Builder contact(String contactId) {
            this.contactId = Checks.id(contactId, "response.contactId");
            return this;
        }

        public Builder invitation(String invitationId) {
            this.invitationId = Checks.id(invitationId, "response.invitationId");
            return this;
        }

        public Builder comment(String comment) {
            this.comment = Checks.notNull(comment, "response.comment");
            return this;
        }

        public Builder channel(ChannelName channel) {
            this.channel = Checks.notNull(channel, "response.channel");
            return this;
        }

        public Builder answeredAt(Instant answeredAt) {
            this.answeredAt = Checks.notNull(answeredAt, "response.answeredAt");
            return this;
        }

        public Builder attribute(String key, String value) {
            Checks.attributeKey(key, "response.attributes key");
            attributes.put(key, Checks.notNull(value, "response.attributes['" + key + "']"));
            return this;
        }

        /**
         * @param now used when no answered-at time was set
         * @return the response
         */
        public Response build(Instant now) {
            return new Response(id != null ? id : UUID.randomUUID().toString(), surveyId, Optional.ofNullable(contactId),
                    Optional.ofNullable(invitationId), score, Optional.ofNullable(comment), channel,
                    answeredAt != null ? answeredAt : Checks.notNull(now, "now"), attributes);
        }
    }
}
