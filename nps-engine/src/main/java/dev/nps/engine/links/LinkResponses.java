package dev.nps.engine.links;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.Survey;
import dev.nps.api.internal.Checks;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.Invitation;
import dev.nps.spi.NpsStore;
import dev.nps.spi.ResponseToken;
import dev.nps.spi.Unsubscribe;
import java.time.Clock;
import java.util.Optional;

/**
 * What a respondent does with a link: open it (nothing is recorded), answer (one response per invitation, edited by
 * later answers while the link is valid), unsubscribe. Thread-safe.
 *
 * @since 0.1
 */
public final class LinkResponses {
    private final ResponseLinks links;
    private final NpsStore store;
    private final DispatchStore outbox;
    private final ResponseRecorder recorder;
    private final Clock clock;

    /**
     * What a valid link leads to.
     *
     * @param token    the stored token
     * @param survey   the survey
     * @param contact  the contact, if not erased
     * @param answered the response already given, if any
     */
    public record Landing(ResponseToken token, Survey survey, Optional<Contact> contact, Optional<Response> answered) {}

    /**
     * A recorded answer.
     *
     * @param response the response as stored
     * @param edited   whether an earlier answer was replaced
     */
    public record Answer(Response response, boolean edited) {}

    public LinkResponses(ResponseLinks links, NpsStore store, DispatchStore outbox, ResponseRecorder recorder, Clock clock) {
        this.links = Checks.notNull(links, "responseLinks");
        this.store = Checks.notNull(store, "store");
        this.outbox = Checks.notNull(outbox, "dispatchStore");
        this.recorder = Checks.notNull(recorder, "recorder");
        this.clock = Checks.notNull(clock, "clock");
    }

    /** @return the links this service checks tokens with */
    public ResponseLinks links() {
        return links;
    }

    /**
     * Resolves a token without recording anything (mail scanners follow links).
     *
     * @return the token check and, when valid, what the page needs
     */
    public Result<Landing> open(String token) {
        TokenCheck check = links.check(token);
        if (!(check instanceof TokenCheck.Valid valid)) {
            return new Result<>(check, Optional.empty());
        }
        Optional<Survey> survey = store.findSurvey(valid.token().surveyId());
        if (survey.isEmpty()) {
            return new Result<>(new TokenCheck.Unknown(), Optional.empty());
        }
        return new Result<>(check, Optional.of(new Landing(valid.token(), survey.get(), store.findContact(valid.token().contactId()),
                store.findResponseByInvitation(valid.token().invitationId()))));
    }

    /**
     * Records or edits the answer of the token's invitation. Repeating the same answer changes nothing.
     *
     * @return the check and, when valid, the answer
     * @throws NpsException {@code COMMENT_TOO_LONG} or {@code INVALID_ARGUMENT} for a bad comment
     */
    public Result<Answer> answer(String token, Score score, Optional<String> comment) {
        Checks.notNull(score, "score");
        Checks.notNull(comment, "comment");
        TokenCheck check = links.check(token);
        if (!(check instanceof TokenCheck.Valid valid)) {
            return new Result<>(check, Optional.empty());
        }
        ResponseToken t = valid.token();
        ChannelName channel = outbox.findInvitation(t.invitationId()).map(Invitation::channel).orElse(ChannelName.WEB);
        Response.Builder b = Response.builder(t.surveyId(), score.value()).id("inv-" + t.invitationId())
                .invitation(t.invitationId()).contact(t.contactId()).channel(channel);
        comment.ifPresent(b::comment);
        ResponseRecorder.Recorded r = recorder.record(b.build(clock.instant()));
        return new Result<>(check, Optional.of(new Answer(r.response(), r.edited())));
    }

    /**
     * Unsubscribes the token's contact from the token's survey, or from every survey.
     *
     * @param allSurveys true for every survey (what a one-click unsubscribe does)
     * @return the token check; nothing is stored unless it is valid
     */
    public TokenCheck unsubscribe(String token, boolean allSurveys) {
        TokenCheck check = links.check(token);
        if (check instanceof TokenCheck.Valid valid) {
            outbox.unsubscribe(new Unsubscribe(valid.token().contactId(),
                    allSurveys ? Optional.empty() : Optional.of(valid.token().surveyId()), clock.instant()));
        }
        return check;
    }

    /**
     * A token check with the value it led to, present when the token was valid.
     *
     * @param check the token check
     * @param value the value
     * @param <T>   the value's type
     */
    public record Result<T>(TokenCheck check, Optional<T> value) {
        /** @return the value, or an exception naming why the token did not work */
        public T orElseThrow() {
            return value.orElseThrow(() -> new NpsException(ErrorCode.NOT_FOUND,
                    check instanceof TokenCheck.Expired ? "token: the link has expired" : "token: unknown link"));
        }
    }
}
