package dev.nps.engine.store;

import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.Survey;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.internal.Checks;
import dev.nps.spi.InsertResult;
import dev.nps.engine.workflow.InMemoryResponseTags;
import dev.nps.engine.workflow.InMemorySequences;
import dev.nps.spi.NpsStore;
import dev.nps.spi.ResponseTags;
import dev.nps.spi.ScoreRowVisitor;
import dev.nps.spi.Sequences;
import dev.nps.spi.WorkflowStorage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A store that keeps everything in memory, for tests, demos and short-lived tools. Thread-safe: reads run in
 * parallel, writes are serialised by one lock, so every call is atomic. Nothing survives {@link #close()} or
 * the end of the process. Its {@link WorkflowStorage} (response tags, sequences) lives as long as it does, and
 * erasing a contact removes the tags of the contact's responses.
 *
 * @since 0.1
 */
public final class InMemoryStore implements NpsStore, WorkflowStorage {

    /** Newest first, ties by id ascending: the order every store uses. */
    static final Comparator<Response> NEWEST_FIRST =
            Comparator.comparing(Response::answeredAt).reversed().thenComparing(Response::id);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Survey> surveys = new TreeMap<>();
    private final Map<String, Contact> contacts = new HashMap<>();
    private final Map<String, Response> responses = new LinkedHashMap<>();
    private final Map<String, String> responseIdByInvitation = new HashMap<>();
    private final InMemoryResponseTags responseTags = new InMemoryResponseTags();
    private final Sequences sequences = new InMemorySequences();

    /** Creates an empty store. */
    public InMemoryStore() {}

    @Override
    public String describe() {
        return "in-memory";
    }

    // --- surveys ---

    @Override
    public void saveSurvey(Survey survey) {
        Checks.notNull(survey, "survey");
        write(() -> surveys.put(survey.id(), survey));
    }

    @Override
    public Optional<Survey> findSurvey(String surveyId) {
        Checks.notNull(surveyId, "surveyId");
        return read(() -> Optional.ofNullable(surveys.get(surveyId)));
    }

    @Override
    public List<Survey> listSurveys() {
        return read(() -> List.copyOf(surveys.values()));
    }

    // --- contacts ---

    @Override
    public void upsertContact(Contact contact) {
        Checks.notNull(contact, "contact");
        write(() -> contacts.put(contact.id(), contact));
    }

    @Override
    public Optional<Contact> findContact(String contactId) {
        Checks.notNull(contactId, "contactId");
        return read(() -> Optional.ofNullable(contacts.get(contactId)));
    }

    @Override
    public List<Contact> findContactsByPhone(String phone) {
        Checks.notNull(phone, "phone");
        // A scan: the in-memory store serves tests and demos, where contacts are few.
        return read(() -> contacts.values().stream().filter(c -> c.phone().filter(phone::equals).isPresent()).toList());
    }

    @Override
    public boolean eraseContact(String contactId) {
        Checks.notNull(contactId, "contactId");
        return write(() -> {
            boolean erased = contacts.remove(contactId) != null;
            for (Map.Entry<String, Response> e : responses.entrySet()) {
                Response r = e.getValue();
                if (r.contactId().filter(contactId::equals).isPresent()) {
                    responseTags.removeAll(r.id());
                    e.setValue(new Response(r.id(), r.surveyId(), Optional.empty(), r.invitationId(), r.score(),
                            Optional.empty(), r.channel(), r.answeredAt(), Map.of()));
                    erased = true;
                }
            }
            return erased;
        });
    }

    @Override
    public ResponseTags responseTags() {
        return responseTags;
    }

    @Override
    public Sequences sequences() {
        return sequences;
    }

    // --- responses ---

    @Override
    public InsertResult insertResponse(Response response) {
        Checks.notNull(response, "response");
        return write(() -> {
            Response sameId = responses.get(response.id());
            if (sameId != null) {
                return new InsertResult(InsertResult.Status.SAME_ID_EXISTS, sameId);
            }
            if (response.invitationId().isPresent()) {
                String answeredBy = responseIdByInvitation.get(response.invitationId().get());
                if (answeredBy != null) {
                    return new InsertResult(InsertResult.Status.INVITATION_ANSWERED, responses.get(answeredBy));
                }
                responseIdByInvitation.put(response.invitationId().get(), response.id());
            }
            responses.put(response.id(), response);
            return new InsertResult(InsertResult.Status.INSERTED, response);
        });
    }

    @Override
    public Response updateResponse(String responseId, Score score, Optional<String> comment) {
        Checks.notNull(responseId, "responseId");
        Checks.notNull(score, "score");
        Checks.notNull(comment, "comment");
        return write(() -> {
            Response existing = responses.get(responseId);
            if (existing == null) {
                throw new NpsException(ErrorCode.NOT_FOUND, "response '" + responseId + "' does not exist");
            }
            Response edited = existing.withAnswer(score, comment);
            responses.put(responseId, edited);
            return edited;
        });
    }

    @Override
    public Optional<Response> findResponse(String responseId) {
        Checks.notNull(responseId, "responseId");
        return read(() -> Optional.ofNullable(responses.get(responseId)));
    }

    @Override
    public Optional<Response> findResponseByInvitation(String invitationId) {
        Checks.notNull(invitationId, "invitationId");
        return read(() -> Optional.ofNullable(responseIdByInvitation.get(invitationId)).map(responses::get));
    }

    @Override
    public Page<Response> findResponses(ResponseFilter filter, PageRequest page) {
        Checks.notNull(filter, "filter");
        Checks.notNull(page, "page");
        List<Response> matching = read(() -> matching(filter));
        matching.sort(NEWEST_FIRST);
        int from = Math.min(page.offset(), matching.size());
        int to = (int) Math.min((long) from + page.limit(), matching.size());
        return new Page<>(matching.subList(from, to), page, matching.size());
    }

    @Override
    public long countResponses(ResponseFilter filter) {
        Checks.notNull(filter, "filter");
        return read(() -> responses.values().stream().filter(r -> matches(r, filter)).count());
    }

    @Override
    public void scan(ResponseFilter filter, List<String> groupKeys, ScoreRowVisitor visitor) {
        Checks.notNull(filter, "filter");
        Checks.notNull(groupKeys, "groupKeys");
        Checks.notNull(visitor, "visitor");
        List<String> keys = List.copyOf(groupKeys);
        // Copy the rows under the lock, visit outside it: a slow visitor must not block writers.
        List<Row> rows = read(() -> {
            List<Row> list = new ArrayList<>();
            for (Response r : responses.values()) {
                if (matches(r, filter)) {
                    list.add(new Row(r, contactAttributes(r)));
                }
            }
            return list;
        });
        String[] values = new String[keys.size()];
        for (Row row : rows) {
            for (int k = 0; k < values.length; k++) {
                values[k] = groupValue(row.response(), row.contactAttributes(), keys.get(k));
            }
            visitor.accept(row.response().score().value(), row.response().answeredAt().getEpochSecond(), values);
        }
    }

    private record Row(Response response, Map<String, String> contactAttributes) {}

    @Override
    public void close() {
        // Nothing was opened; the data stays readable until the store is garbage.
    }

    @Override
    public String toString() {
        return "InMemoryStore";
    }

    // --- internals (call with the lock held) ---

    private List<Response> matching(ResponseFilter filter) {
        List<Response> list = new ArrayList<>();
        for (Response r : responses.values()) {
            if (matches(r, filter)) {
                list.add(r);
            }
        }
        return list;
    }

    private boolean matches(Response r, ResponseFilter f) {
        if (f.surveyId().isPresent() && !f.surveyId().get().equals(r.surveyId())) {
            return false;
        }
        if (!f.inWindow(r.answeredAt())) {
            return false;
        }
        if (!f.channels().isEmpty() && !f.channels().contains(r.channel())) {
            return false;
        }
        if (f.contactId().isPresent() && !f.contactId().equals(r.contactId())) {
            return false;
        }
        if (!f.categories().isEmpty() && !f.categories().contains(r.category())) {
            return false;
        }
        if (!f.attributes().isEmpty()) {
            Map<String, String> contactAttributes = contactAttributes(r);
            for (Map.Entry<String, Set<String>> e : f.attributes().entrySet()) {
                String value = r.attributes().get(e.getKey());
                if (value == null) {
                    value = contactAttributes.get(e.getKey());
                }
                if (value == null || !e.getValue().contains(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    private Map<String, String> contactAttributes(Response r) {
        if (r.contactId().isEmpty()) {
            return Map.of();
        }
        Contact c = contacts.get(r.contactId().get());
        return c == null ? Map.of() : c.attributes();
    }

    private static String groupValue(Response r, Map<String, String> contactAttributes, String key) {
        if (NpsQuery.CHANNEL.equals(key)) {
            return r.channel().value();
        }
        if (NpsQuery.SURVEY.equals(key)) {
            return r.surveyId();
        }
        String v = r.attributes().get(key);
        if (v == null) {
            v = contactAttributes.get(key);
        }
        return v == null ? "" : v;
    }

    private <T> T read(java.util.function.Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(java.util.function.Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
