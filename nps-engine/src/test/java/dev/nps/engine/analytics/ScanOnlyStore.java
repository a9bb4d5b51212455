package dev.nps.engine.analytics;

import dev.nps.api.Contact;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.Survey;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.spi.InsertResult;
import dev.nps.spi.NpsStore;
import dev.nps.spi.ScoreRowVisitor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The smallest NpsStore analytics needs: responses and contacts in lists, a real {@code scan} with the
 * filter semantics of the store contract (an attribute filter matches the response's value, else the
 * contact's; a missing value never matches). Everything analytics does not call is unsupported.
 */
class ScanOnlyStore implements NpsStore {
    private final List<Response> responses = new ArrayList<>();
    private final Map<String, Contact> contacts = new HashMap<>();

    ScanOnlyStore add(Response r) {
        responses.add(r);
        return this;
    }

    ScanOnlyStore contact(Contact c) {
        contacts.put(c.id(), c);
        return this;
    }

    List<Response> responses() {
        return responses;
    }

    Map<String, String> contactAttributes(Response r) {
        return r.contactId().map(contacts::get).map(Contact::attributes).orElse(Map.of());
    }

    @Override
    public void scan(ResponseFilter f, List<String> keys, ScoreRowVisitor visitor) {
        String[] values = new String[keys.size()];
        for (Response r : responses) {
            if (!matches(r, f)) {
                continue;
            }
            for (int k = 0; k < values.length; k++) {
                values[k] = value(r, keys.get(k));
            }
            visitor.accept(r.score().value(), r.answeredAt().getEpochSecond(), values);
        }
    }

    private boolean matches(Response r, ResponseFilter f) {
        if (f.surveyId().isPresent() && !f.surveyId().get().equals(r.surveyId())
                || !f.inWindow(r.answeredAt())
                || !f.channels().isEmpty() && !f.channels().contains(r.channel())
                || f.contactId().isPresent() && !f.contactId().equals(r.contactId())
                || !f.categories().isEmpty() && !f.categories().contains(r.category())) {
            return false;
        }
        for (Map.Entry<String, Set<String>> e : f.attributes().entrySet()) {
            String v = r.attributes().getOrDefault(e.getKey(), contactAttributes(r).get(e.getKey()));
            if (v == null || !e.getValue().contains(v)) {
                return false;
            }
        }
        return true;
    }

    private String value(Response r, String key) {
        if (NpsQuery.CHANNEL.equals(key)) {
            return r.channel().value();
        }
        if (NpsQuery.SURVEY.equals(key)) {
            return r.surveyId();
        }
        return r.attributes().getOrDefault(key, contactAttributes(r).getOrDefault(key, ""));
    }

    @Override
    public String describe() {
        return "scan-only test store";
    }

    @Override
    public void close() {}

    @Override
    public void saveSurvey(Survey survey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Survey> findSurvey(String surveyId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Survey> listSurveys() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void upsertContact(Contact contact) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Contact> findContact(String contactId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean eraseContact(String contactId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public InsertResult insertResponse(Response response) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Response updateResponse(String responseId, Score score, Optional<String> comment) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Response> findResponse(String responseId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Response> findResponseByInvitation(String invitationId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Response> findResponses(ResponseFilter filter, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long countResponses(ResponseFilter filter) {
        throw new UnsupportedOperationException();
    }
}
