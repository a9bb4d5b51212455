package dev.nps.engine.workflow;

import dev.nps.api.Category;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.internal.Checks;
import dev.nps.engine.ResponseListener;
import dev.nps.engine.alerts.AlertPublisher;
import dev.nps.engine.integrations.AttributeSource;
import dev.nps.engine.integrations.EmailAlertSink;
import dev.nps.spi.Alert;
import dev.nps.spi.CaseStore;
import dev.nps.spi.FollowUpCase;
import dev.nps.spi.Sequences;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The closed loop, run on every new or edited response (register it as a {@link ResponseListener}):
 * <ul>
 *   <li>a detractor gets a follow-up {@link FollowUpCase}, owned by the value of the owner attribute (of the
 *       response, the contact or the CRM) or else the next person of a round-robin list, due after the SLA; the
 *       owner is notified through the alert publisher (by email when the owner is an address);</li>
 *   <li>a promoter gets a thank-you, review or referral request through the {@link FollowUpSender} (which
 *       obeys consent and quiet hours);</li>
 *   <li>the response is tagged.</li>
 * </ul>
 * An edit that turns a response into a detractor opens a case; an edit of a followed-up response is noted in
 * its case's history. Failures are logged and never undo the stored response. Thread-safe.
 *
 * <p>Over {@link Cases#of cases of an engine}, tags go to the engine's {@link dev.nps.engine.NpsEngine#responseTags()
 * response tags} and the round-robin position is the engine's {@link dev.nps.engine.NpsEngine#sequences() sequence}
 * {@code workflow.round-robin/<survey or all>}: with a durable store both survive restarts, and instances sharing the
 * database hand out owners in one turn. Without an engine (and no {@link Builder#tagger}/{@link Builder#sequences})
 * nothing is tagged and the position is kept in memory.
 *
 * @since 0.1
 */
public final class Workflow implements ResponseListener {
    private static final Logger LOG = LoggerFactory.getLogger(Workflow.class);
    /** Tag of a response with a follow-up case. {@value} */
    public static final String TAG_CASE = "follow-up-case";
    /** Rule id of case notifications. {@value} */
    public static final String CASE_RULE = "workflow.case-opened";

    private final Cases cases;
    private final AttributeSource attributes;
    private final Optional<String> surveyId;
    private final Optional<String> ownerAttribute;
    private final List<String> owners;
    private final Sequences sequences;
    private final String roundRobinSequence;
    private final Duration sla;
    private final Optional<AlertPublisher> notify;
    private final boolean includeComment;
    private final Optional<FollowUpSender> followUps;
    private final FollowUpRequest.Kind promoterKind;
    private final Optional<ResponseTagger> tagger;

    private Workflow(Builder b, ResponseTagger tagger, Sequences sequences, String roundRobinSequence) {
        this.cases = b.cases;
        this.attributes = b.attributes;
        this.surveyId = Optional.ofNullable(b.surveyId);
        this.ownerAttribute = Optional.ofNullable(b.ownerAttribute);
        this.owners = List.copyOf(b.owners);
        this.sla = b.sla;
        this.notify = Optional.ofNullable(b.notify);
        this.includeComment = b.includeComment;
        this.followUps = Optional.ofNullable(b.followUps);
        this.promoterKind = b.promoterKind;
        this.tagger = Optional.ofNullable(tagger);
        this.sequences = sequences;
        this.roundRobinSequence = roundRobinSequence;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void recorded(Response response) {
        safely(response, () -> handle(response, Optional.empty()));
    }

    @Override
    public void edited(Response before, Response after) {
        safely(after, () -> handle(after, Optional.of(before)));
    }

    private void safely(Response r, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("workflow failed on response {}; the response stays stored", r.id(), e);
        }
    }

    private void handle(Response r, Optional<Response> before) {
        if (surveyId.filter(s -> !s.equals(r.surveyId())).isPresent()) {
            return;
        }
        Optional<FollowUpCase> existing = cases.forResponse(r.id());
        if (existing.isPresent() && before.isPresent()) {
            cases.systemNote(existing.get().id(), "response_edited", "score " + before.get().score().value() + " -> " + r.score().value());
        }
        if (r.category() == Category.DETRACTOR && existing.isEmpty()) {
            String owner = owner(r);
            cases.open(r, owner, sla).ifPresent(c -> {
                tagger.ifPresent(t -> t.tag(r.id(), Set.of(TAG_CASE)));
                notify.ifPresent(n -> n.publish(notification(c, r)));
            });
        }
        boolean newPromoter = r.category() == Category.PROMOTER && before.map(b -> b.category() != Category.PROMOTER).orElse(true);
        if (newPromoter && r.contactId().isPresent() && followUps.isPresent()) {
            followUps.get().send(new FollowUpRequest(r.id() + "#" + promoterKind, promoterKind, r.id(), r.surveyId(), r.contactId().get(),
                    r.score().value()));
            tagger.ifPresent(t -> t.tag(r.id(), Set.of("promoter-" + promoterKind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))));
        }
    }

    private String owner(Response r) {
        if (ownerAttribute.isPresent()) {
            String v = attributes.attributesOf(r).get(ownerAttribute.get());
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        if (owners.isEmpty()) {
            return "unassigned";
        }
        return owners.get((int) Math.floorMod(sequences.next(roundRobinSequence), (long) owners.size()));
    }

    private Alert notification(FollowUpCase c, Response r) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("caseId", c.id());
        facts.put("owner", c.owner());
        facts.put("responseId", r.id());
        facts.put("contactId", r.contactId().orElse("anonymous"));
        facts.put("score", Integer.toString(r.score().value()));
        facts.put("dueAt", c.dueAt().toString());
        if (looksLikeEmail(c.owner())) {
            facts.putAll(EmailAlertSink.routeTo(c.owner()));
        }
        String detail = "A detractor (score " + r.score().value() + ") answered " + r.surveyId() + ". Contact them by " + c.dueAt() + "."
                + (includeComment && r.comment().isPresent() ? "\nComment: " + r.comment().get() : "");
        String id = UUID.nameUUIDFromBytes((CASE_RULE + "|" + c.id()).getBytes(StandardCharsets.UTF_8)).toString();
        return new Alert(id, CASE_RULE, Alert.Severity.INFO, "Follow-up case for " + c.owner() + ": detractor on " + r.surveyId(), detail,
                c.openedAt(), facts);
    }

    private static boolean looksLikeEmail(String s) {
        try {
            Contact.requireEmail(s);
            return true;
        } catch (NpsException e) {
            return false;
        }
    }

    /**
     * Builds a {@link Workflow}; {@link #build()} reports every problem at once.
     *
     * @since 0.1
     */
    public static final class Builder {
        /** Default time to first contact. */
        public static final Duration DEFAULT_SLA = Duration.ofDays(2);

        private Cases cases;
        private AttributeSource attributes = AttributeSource.RESPONSE_ONLY;
        private String surveyId;
        private String ownerAttribute;
        private final List<String> owners = new ArrayList<>();
        private Duration sla = DEFAULT_SLA;
        private AlertPublisher notify;
        private boolean includeComment;
        private FollowUpSender followUps;
        private FollowUpRequest.Kind promoterKind = FollowUpRequest.Kind.THANK_YOU;
        private ResponseTagger tagger;
        private Sequences sequences;
        private String roundRobinSequence;

        private Builder() {}

        public Builder cases(Cases cases) {
            this.cases = Objects.requireNonNull(cases, "cases");
            return this;
        }

        /** @param attributes where the owner attribute is read (response, contact, CRM) */
        public Builder attributes(AttributeSource attributes) {
            this.attributes = Objects.requireNonNull(attributes, "attributes");
            return this;
        }

        /** @param surveyId only this survey (default: all) */
        public Builder survey(String surveyId) {
            this.surveyId = surveyId;
            return this;
        }

        /** @param key the attribute naming the case owner, e.g. {@code owner} or {@code account_manager} */
        public Builder ownerAttribute(String key) {
            this.ownerAttribute = key;
            return this;
        }

        /** @param owners owners taken in turn when the attribute is missing */
        public Builder roundRobin(String... owners) {
            this.owners.addAll(List.of(owners));
            return this;
        }

        /** @param sla time from opening to the first contact (default 2 days) */
        public Builder sla(Duration sla) {
            this.sla = sla;
            return this;
        }

        /** @param publisher notifies owners through the alert sinks */
        public Builder notifyOwners(AlertPublisher publisher) {
            this.notify = Objects.requireNonNull(publisher, "publisher");
            return this;
        }

        /** @param include whether the owner's notification quotes the comment (off by default) */
        public Builder includeComment(boolean include) {
            this.includeComment = include;
            return this;
        }

        /**
         * @param sender sends the promoter follow-up (consent and quiet hours are its job)
         * @param kind   thank-you, review or referral request
         * @return this
         */
        public Builder promoterFollowUp(FollowUpSender sender, FollowUpRequest.Kind kind) {
            this.followUps = Objects.requireNonNull(sender, "sender");
            this.promoterKind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** @param tagger where tags go (default: the engine's response tags when the cases are {@link Cases#of of an engine}) */
        public Builder tagger(ResponseTagger tagger) {
            this.tagger = Objects.requireNonNull(tagger, "tagger");
            return this;
        }

        /**
         * @param sequences where the round-robin position is kept (default: the engine's sequences when the cases are
         *                  {@link Cases#of of an engine}, else in memory)
         * @return this
         */
        public Builder sequences(Sequences sequences) {
            this.sequences = Objects.requireNonNull(sequences, "sequences");
            return this;
        }

        /**
         * @param name the sequence holding the round-robin position (default {@code workflow.round-robin/<survey or all>});
         *             give workflows with different owner lists different names
         * @return this
         */
        public Builder roundRobinSequence(String name) {
            this.roundRobinSequence = name;
            return this;
        }

        /**
         * @return the workflow
         * @throws NpsException {@code CONFIGURATION} listing every problem
         */
        public Workflow build() {
            List<String> problems = new ArrayList<>();
            if (cases == null) {
                problems.add("cases: not set; pass a Cases over a CaseStore");
            }
            if (ownerAttribute == null && owners.isEmpty()) {
                problems.add("owners: none; set ownerAttribute(\"owner\") or roundRobin(\"ann\", \"bob\") so every case has an owner");
            }
            if (ownerAttribute != null) {
                try {
                    Checks.attributeKey(ownerAttribute, "ownerAttribute");
                } catch (NpsException e) {
                    problems.add(e.getMessage());
                }
            }
            for (int i = 0; i < owners.size(); i++) {
                if (owners.get(i) == null || owners.get(i).isBlank()) {
                    problems.add("roundRobin[" + i + "]: is blank; name an owner");
                }
            }
            if (sla == null || sla.isNegative() || sla.isZero()) {
                problems.add("sla: must be a positive duration, e.g. 2 days (got " + sla + ")");
            }
            if (surveyId != null) {
                try {
                    Checks.id(surveyId, "survey");
                } catch (NpsException e) {
                    problems.add(e.getMessage());
                }
            }
            if (roundRobinSequence != null) {
                try {
                    Checks.id(roundRobinSequence, "roundRobinSequence");
                } catch (NpsException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new NpsException(ErrorCode.CONFIGURATION, problems.size() + (problems.size() == 1 ? " problem" : " problems")
                        + " in the workflow:\n  " + String.join("\n  ", problems));
            }
            Optional<dev.nps.engine.NpsEngine> engine = cases.engine();
            ResponseTagger chosenTagger = tagger;
            if (chosenTagger == null && engine.isPresent()) {
                dev.nps.spi.ResponseTags tags = engine.get().responseTags();
                chosenTagger = tags::add;
            }
            Sequences chosenSequences = sequences != null ? sequences : engine.isPresent() ? engine.get().sequences() : new InMemorySequences();
            String name = roundRobinSequence != null ? roundRobinSequence : "workflow.round-robin/" + (surveyId == null ? "all" : surveyId);
            return new Workflow(this, chosenTagger, chosenSequences, name);
        }
    }
}
