package dev.nps.engine.dispatch;

import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.Survey;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.spi.InsertResult;
import dev.nps.spi.NpsStore;
import dev.nps.spi.ScoreRowVisitor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part of an NpsStore the dispatch pipeline uses (surveys, contacts, responses by id and invitation), for the
 * pipeline's own tests; the engine's in-memory store is tested by the store compatibility kit.
 */
public final class TestNpsStore implements NpsStore {
    private final Map<String, Survey> surveys = new ConcurrentHashMap<>();
    private final Map<String, Contact> contacts = new ConcurrentHashMap<>();
    private final Map<String, Response> responses = new ConcurrentHashMap<>();

    @Override
    public String describe() {
        return "test";
    }

    @Override
    public void saveSurvey(Survey survey) {
        surveys.put(survey.id(), survey);
    }

    @Override
    public Optional<Survey> findSurvey(String surveyId) {
        return Optional.ofNullable(surveys.get(surveyId));
    }

    @Override
    public List<Survey> listSurveys() {
        return surveys.values().stream().sorted(java.util.Comparator.comparing(Survey::id)).toList();
    }

    @Override
    public void upsertContact(Contact contact) {
        contacts.put(contact.id(), contact);
    }

    @Override
    public Optional<Contact> findContact(String contactId) {
        return Optional.ofNullable(contacts.get(contactId));
    }

    @Override
    public boolean eraseContact(String contactId) {
        return contacts.remove(contactId) != null;
    }

    @Override
    public synchronized InsertResult insertResponse(Response response) {
        Response same = responses.get(response.id());
        if (same != null) {
            return new InsertResult(InsertResult.Status.SAME_ID_EXISTS, same);
        }
        if (response.invitationId().isPresent()) {
            Optional<Response> answered = findResponseByInvitation(response.invitationId().get());
            if (answered.isPresent()) {
                return new InsertResult(InsertResult.Status.INVITATION_ANSWERED, answered.get());
            }
        }
        responses.put(response.id(), response);
        return new InsertResult(InsertResult.Status.INSERTED, response);
    }

    @Override
    public synchronized Response updateResponse(String responseId, Score score, Optional<String> comment) {
        Response r = responses.get(responseId);
        if (r == null) {
            throw new NpsException(ErrorCode.NOT_FOUND, "response '" + responseId + "' does not exist");
        }
        Response edited = r.withAnswer(score, comment);
        responses.put(responseId, edited);
        return edited;
    }

    @Override
    public Optional<Response> findResponse(String responseId) {
        return Optional.ofNullable(responses.get(responseId));
    }

    @Override
    public Optional<Response> findResponseByInvitation(String invitationId) {
        return responses.values().stream().filter(r -> r.invitationId().filter(invitationId::equals).isPresent()).findFirst();
    }

    @Override
    public Page<Response> findResponses(ResponseFilter filter, PageRequest page) {
        throw new UnsupportedOperationException("not used by the dispatch pipeline");
    }

    @Override
    public long countResponses(ResponseFilter filter) {
        return responses.size();
    }

    @Override
    public void scan(ResponseFilter filter, List<String> groupKeys, ScoreRowVisitor visitor) {
        throw new UnsupportedOperationException("not used by the dispatch pipeline");
    }

    @Override
    public void close() {
    }
}
