package dev.nps.engine.workflow;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.ScoreCounts;
import dev.nps.api.internal.Checks;
import dev.nps.engine.analytics.NpsStatistics;
import dev.nps.engine.integrations.EventPublisher;
import dev.nps.spi.CaseEvent;
import dev.nps.spi.CaseStatus;
import dev.nps.spi.CaseStore;
import dev.nps.spi.FollowUpCase;
import dev.nps.spi.NpsStore;
import dev.nps.spi.OutgoingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Follow-up cases: open one per detractor response, move it open -> contacted -> resolved (or won't fix), add
 * notes, and measure the loop. Every change is recorded in the case's history with its time and actor; an
 * invalid move is rejected with {@code CONFLICT} naming the allowed ones. Publishes {@code case.opened} and
 * {@code case.resolved} events. Thread-safe (optimistic locking in the {@link CaseStore}).
 *
 * @since 0.1
 */
public final class Cases {
    /** The actor of automatic changes. {@value} */
    public static final String SYSTEM = "system";

    private final CaseStore store;
    private final NpsStore responses;
    private final Clock clock;
    private final EventPublisher events;
    /** The engine when built with {@link #of}: a {@link Workflow} over these cases takes its tags and sequences. */
    private final dev.nps.engine.NpsEngine engine;

    /**
     * @param store     where cases live
     * @param responses the response store, for the later NPS of followed-up contacts
     * @param clock     the clock
     * @param events    where case events go ({@link EventPublisher#NONE} for nowhere)
     */
    public Cases(CaseStore store, NpsStore responses, Clock clock, EventPublisher events) {
        this(store, responses, clock, events, null);
    }

    private Cases(CaseStore store, NpsStore responses, Clock clock, EventPublisher events, dev.nps.engine.NpsEngine engine) {
        this.engine = engine;
        this.store = Objects.requireNonNull(store, "store");
        this.responses = Objects.requireNonNull(responses, "responses");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * Cases over an engine's {@link dev.nps.engine.NpsEngine#caseStore() case store} (durable with a durable store),
     * its responses and clock. A {@link Workflow} over them also uses the engine's
     * {@link dev.nps.engine.NpsEngine#responseTags() response tags} and
     * {@link dev.nps.engine.NpsEngine#sequences() sequences} unless given others.
     *
     * @param engine the engine, never null
     * @param events where case events go, e.g. an {@code AlertRelay} ({@link EventPublisher#NONE} for nowhere)
     * @return the cases
     */
    public static Cases of(dev.nps.engine.NpsEngine engine, EventPublisher events) {
        Objects.requireNonNull(engine, "engine");
        return new Cases(engine.caseStore(), engine.store(), engine.clock(), events, engine);
    }

    /** @return the engine these cases were made {@link #of} */
    Optional<dev.nps.engine.NpsEngine> engine() {
        return Optional.ofNullable(engine);
    }

    /**
     * Opens a case for a response, unless one is open for it already.
     *
     * @param response the response followed up
     * @param owner    who follows up
     * @param sla      time to the first contact
     * @return the new case, or empty when the response has a case already
     */
    public Optional<FollowUpCase> open(Response response, String owner, Duration sla) {
        Objects.requireNonNull(response, "response");
        Checks.notBlank(owner, "owner");
        if (Objects.requireNonNull(sla, "sla").isNegative() || sla.isZero()) {
            throw NpsException.invalid("sla", "must be positive (got " + sla + ")");
        }
        Instant now = clock.instant();
        String id = "case-" + UUID.nameUUIDFromBytes(response.id().getBytes(StandardCharsets.UTF_8));
        FollowUpCase c = new FollowUpCase(id, response.id(), response.surveyId(), response.contactId(), response.score().value(), owner,
                CaseStatus.OPEN, now, now.plus(sla), Optional.empty(), Optional.empty(),
                List.of(new CaseEvent(now, SYSTEM, "opened", CaseStatus.OPEN, Optional.empty())), 0);
        if (!store.insert(c)) {
            return Optional.empty();
        }
        events.publish(event(c, OutgoingEvent.CASE_OPENED, now));
        return Optional.of(c);
    }

    /** Records the first (or a further) contact with the customer; moves an open case to contacted. */
    public FollowUpCase contacted(String caseId, String actor, String note) {
        return change(caseId, actor, "contacted", CaseStatus.CONTACTED, note);
    }

    /** Resolves a contacted case. */
    public FollowUpCase resolve(String caseId, String actor, String note) {
        return change(caseId, actor, "resolved", CaseStatus.RESOLVED, note);
    }

    /** Closes a case without a fix. */
    public FollowUpCase wontFix(String caseId, String actor, String reason) {
        return change(caseId, actor, "wont_fix", CaseStatus.WONT_FIX, reason);
    }

    /** Adds a note without changing the status. */
    public FollowUpCase note(String caseId, String actor, String note) {
        Checks.notBlank(note, "note");
        return change(caseId, actor, "note", null, note);
    }

    /** Adds a history entry by the system (e.g. the response was edited). */
    FollowUpCase systemNote(String caseId, String action, String note) {
        return change(caseId, SYSTEM, action, null, note);
    }

    private FollowUpCase change(String caseId, String actor, String action, CaseStatus to, String note) {
        Checks.notBlank(actor, "actor");
        if (note != null && note.length() > CaseEvent.MAX_NOTE) {
            throw NpsException.invalid("note", "is " + note.length() + " characters; the limit is " + CaseEvent.MAX_NOTE);
        }
        FollowUpCase c = find(caseId).orElseThrow(() -> new NpsException(ErrorCode.NOT_FOUND, "case " + caseId + ": no such case"));
        CaseStatus next = to == null ? c.status() : to;
        if (to != null && !c.status().next().contains(to)) {
            throw new NpsException(ErrorCode.CONFLICT, "case " + caseId + ": cannot move from " + c.status() + " to " + to
                    + (c.status().next().isEmpty() ? "; the case is closed" : "; allowed: " + c.status().next()));
        }
        Instant now = clock.instant();
        Optional<Instant> firstContact = to == CaseStatus.CONTACTED && c.firstContactAt().isEmpty() ? Optional.of(now) : c.firstContactAt();
        Optional<Instant> closed = to != null && to.closed() ? Optional.of(now) : c.closedAt();
        FollowUpCase updated = c.next(new CaseEvent(now, actor, action, next, Optional.ofNullable(note).filter(n -> !n.isBlank())), next,
                firstContact, closed);
        store.update(updated);
        if (to == CaseStatus.RESOLVED) {
            events.publish(event(updated, OutgoingEvent.CASE_RESOLVED, now));
        }
        return updated;
    }

    /** @return the case of that id, if any */
    public Optional<FollowUpCase> find(String caseId) {
        return store.find(Checks.notNull(caseId, "caseId"));
    }

    /** @return the case opened for a response, if any */
    public Optional<FollowUpCase> forResponse(String responseId) {
        return store.findByResponse(Checks.notNull(responseId, "responseId"));
    }

    /** @return every case, oldest first */
    public List<FollowUpCase> list() {
        return store.list();
    }

    /**
     * Measures the cases opened in [from, to).
     *
     * @param from  inclusive
     * @param to    exclusive
     * @param alpha significance level of the resolved-versus-not comparison
     * @return the metrics
     */
    public CaseMetrics metrics(Instant from, Instant to, double alpha) {
        List<FollowUpCase> cases = store.list().stream().filter(c -> !c.openedAt().isBefore(from) && c.openedAt().isBefore(to)).toList();
        Map<CaseStatus, Long> byStatus = cases.stream().collect(Collectors.groupingBy(FollowUpCase::status, Collectors.counting()));
        List<Duration> contactTimes = cases.stream().flatMap(c -> c.timeToFirstContact().stream()).sorted().toList();
        Optional<Duration> median = contactTimes.isEmpty() ? Optional.empty() : Optional.of(median(contactTimes));
        double contactedInSla = cases.isEmpty() ? Double.NaN : (double) cases.stream().filter(FollowUpCase::contactedWithinSla).count() / cases.size();
        double closedInSla = cases.isEmpty() ? Double.NaN : (double) cases.stream().filter(FollowUpCase::closedWithinSla).count() / cases.size();
        long[] resolved = new long[11];
        long[] notResolved = new long[11];
        for (FollowUpCase c : cases) {
            if (c.contactId().isEmpty()) {
                continue;
            }
            boolean wasResolved = c.status() == CaseStatus.RESOLVED;
            // Resolved: the first answer after the resolution. Not resolved: the first answer after the case opened.
            Instant after = wasResolved ? c.closedAt().orElseThrow() : c.openedAt();
            laterAnswer(c.contactId().get(), c.responseId(), after).ifPresent(r -> (wasResolved ? resolved : notResolved)[r.score().value()]++);
        }
        ScoreCounts a = new ScoreCounts(resolved);
        ScoreCounts b = new ScoreCounts(notResolved);
        return new CaseMetrics(cases.size(), byStatus.getOrDefault(CaseStatus.OPEN, 0L), byStatus.getOrDefault(CaseStatus.CONTACTED, 0L),
                byStatus.getOrDefault(CaseStatus.RESOLVED, 0L), byStatus.getOrDefault(CaseStatus.WONT_FIX, 0L), median, contactedInSla,
                closedInSla, a, b, NpsStatistics.compare(a, b, alpha));
    }

    private Optional<Response> laterAnswer(String contactId, String caseResponseId, Instant after) {
        // Newest first: the last item of the page is the earliest answer after the time.
        List<Response> later = new ArrayList<>(responses.findResponses(ResponseFilter.builder().contact(contactId).from(after).build(),
                PageRequest.first(PageRequest.MAX_LIMIT)).items());
        later.removeIf(r -> r.id().equals(caseResponseId));
        return later.isEmpty() ? Optional.empty() : Optional.of(later.get(later.size() - 1));
    }

    private static Duration median(List<Duration> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    private static OutgoingEvent event(FollowUpCase c, String type, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.id());
        data.put("responseId", c.responseId());
        data.put("surveyId", c.surveyId());
        data.put("contactId", c.contactId().orElse(null));
        data.put("score", c.score());
        data.put("owner", c.owner());
        data.put("status", c.status().name());
        data.put("openedAt", c.openedAt().toString());
        data.put("dueAt", c.dueAt().toString());
        c.closedAt().ifPresent(t -> data.put("closedAt", t.toString()));
        // Stable id: a case opens and resolves once, so a redelivery carries the same id.
        String id = UUID.nameUUIDFromBytes((type + "|" + c.id()).getBytes(StandardCharsets.UTF_8)).toString();
        return new OutgoingEvent(id, type, now, data);
    }
}
