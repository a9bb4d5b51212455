package dev.nps.spi;

import dev.nps.api.Contact;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.Survey;
import dev.nps.api.analytics.ResponseFilter;
import java.util.List;
import java.util.Optional;

/**
 * Where surveys, contacts and responses live. Implementations are thread-safe, write each call atomically
 * (nothing half-stored) and translate their own failures into {@link dev.nps.api.NpsException} with
 * {@code STORE_FAILURE}, with no personal data and no password in the message.
 *
 * <p>The contract is {@code dev.nps.testkit.StoreCompatibilityKit}: every store passes it.
 *
 * @since 0.1
 */
public interface NpsStore extends AutoCloseable {

    /** @return a short description for logs, e.g. {@code h2:file:./nps-data} (never a password) */
    String describe();

    // --- surveys ---

    /** Inserts or replaces a survey definition. */
    void saveSurvey(Survey survey);

    Optional<Survey> findSurvey(String surveyId);

    /** @return all surveys ordered by id */
    List<Survey> listSurveys();

    // --- contacts ---

    /** Inserts or replaces a contact. */
    void upsertContact(Contact contact);

    Optional<Contact> findContact(String contactId);

    /**
     * Finds several contacts at once: what the dispatcher reads for a claimed batch. The default calls
     * {@link #findContact} per id; a database store overrides it with one query.
     *
     * @param contactIds the ids, never null, no null element (duplicates are read once)
     * @return the contacts found, by id; unknown ids are absent
     * @since 0.2
     */
    default java.util.Map<String, Contact> findContacts(java.util.Collection<String> contactIds) {
        java.util.Objects.requireNonNull(contactIds, "contactIds");
        java.util.Map<String, Contact> out = new java.util.HashMap<>();
        for (String id : java.util.Set.copyOf(contactIds)) {
            findContact(id).ifPresent(c -> out.put(id, c));
        }
        return out;
    }

    /**
     * Erases a contact's personal data everywhere: the contact row, and on its responses the comment,
     * the attributes and the link to the contact. Scores, survey, channel and time stay, so counts still add up.
     *
     * @return whether anything was erased
     */
    boolean eraseContact(String contactId);

    /**
     * Finds the contacts with this phone number (an inbound SMS names only its sender). The default fails: a store
     * that holds contacts overrides it with an indexed lookup.
     *
     * @param phone an E.164 number, compared exactly
     * @return the contacts with this number, in no particular order
     * @throws dev.nps.api.NpsException {@code CONFIGURATION} when the store cannot look contacts up by phone
     * @since 0.2
     */
    default List<Contact> findContactsByPhone(String phone) {
        throw new dev.nps.api.NpsException(dev.nps.api.ErrorCode.CONFIGURATION, "store " + describe()
                + " cannot look contacts up by phone (NpsStore.findContactsByPhone); SMS replies need a store that implements it");
    }

    // --- responses ---

    /**
     * Stores a new response unless one with the same id exists or its invitation is already answered.
     * The check and the insert are atomic (a unique constraint, not a read-then-write), so concurrent
     * writers from several application instances never store two.
     */
    InsertResult insertResponse(Response response);

    /**
     * Stores several new responses, each exactly as {@link #insertResponse(Response)} would (the same
     * duplicate rules); a store may write them in batches for speed. Each response is stored whole or not at
     * all; the list as a whole is not one transaction.
     *
     * @param responses the responses, never null, no null element
     * @return one result per response, in the same order
     * @since 0.1
     */
    default List<InsertResult> insertResponses(List<Response> responses) {
        java.util.Objects.requireNonNull(responses, "responses");
        List<InsertResult> results = new java.util.ArrayList<>(responses.size());
        for (Response r : responses) {
            results.add(insertResponse(r));
        }
        return results;
    }

    /**
     * Replaces the score and comment of a stored response (an edit).
     *
     * @return the response as now stored
     * @throws dev.nps.api.NpsException {@code NOT_FOUND} when no response has this id
     */
    Response updateResponse(String responseId, Score score, Optional<String> comment);

    Optional<Response> findResponse(String responseId);

    Optional<Response> findResponseByInvitation(String invitationId);

    /**
     * Tells which of these invitations are answered: what the dispatcher checks for a claimed batch before sending.
     * The default calls {@link #findResponseByInvitation} per id; a database store overrides it with one query.
     *
     * @param invitationIds the invitation ids, never null, no null element
     * @return the ids among them that have a response
     * @since 0.2
     */
    default java.util.Set<String> findAnsweredInvitations(java.util.Collection<String> invitationIds) {
        java.util.Objects.requireNonNull(invitationIds, "invitationIds");
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String id : java.util.Set.copyOf(invitationIds)) {
            if (findResponseByInvitation(id).isPresent()) {
                out.add(id);
            }
        }
        return out;
    }

    /** @return matching responses, newest first (ties broken by id) */
    Page<Response> findResponses(ResponseFilter filter, PageRequest page);

    /** @return the number of matching responses */
    long countResponses(ResponseFilter filter);

    /**
     * Streams every matching response as compact columns, for analytics.
     *
     * @param groupKeys attribute keys whose values the visitor receives, in order: the response's attribute,
     *                  else the contact's; the built-in keys {@code channel} and {@code survey} give those columns
     */
    void scan(ResponseFilter filter, List<String> groupKeys, ScoreRowVisitor visitor);

    /** Releases what the store opened itself (pools, files); never closes a data source the application gave it. */
    @Override
    void close();
}
