package dev.nps.engine.alerts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.nps.api.Category;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.ScoreCounts;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.ResponseListener;
import dev.nps.engine.integrations.AttributeSource;
import dev.nps.spi.Alert;
import dev.nps.spi.AlertState;
import dev.nps.spi.NpsStore;
import dev.nps.spi.TextAnalyser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates alert rules over the response stream and hands what they raise to an {@link AlertPublisher}.
 *
 * <p>Response rules ({@link DetractorRule}) run when a response is recorded or edited: register the monitor as a
 * {@link ResponseListener} ({@code NpsEngine.builder().responseListener(monitor)} or
 * {@code engine.responses().addListener(monitor)}). Period rules ({@link NpsDropRule}, {@link ControlChartRule},
 * {@link ThemeSurgeRule}, {@link ResponseRateRule}) run on {@link #evaluate(Instant)}, {@link #runOnce()} (at the
 * clock's time) or on a schedule ({@link #start}).
 *
 * <p>No storms: an alert's key (rule, segment, period) raises once, a rule raises at most once per cool-down
 * for one segment, and a test needs the rule's minimum number of responses on each side.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class AlertMonitor implements ResponseListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);
    private static final String ALL = "all";

    private final NpsStore store;
    private final Clock clock;
    private final Optional<TextAnalyser> analyser;
    private final AttributeSource attributes;
    private final Optional<InvitationCounts> invitations;
    private final AlertPublisher publisher;
    private final List<AlertRule> rules;
    private final AlertState state;
    private volatile Instant lastForget = Instant.MIN;
    /** Admissions whose alert is being handed to the publisher, by alert id: taken back if that fails. */
    private final Map<String, Admission> admitted = new java.util.concurrent.ConcurrentHashMap<>();
    private final Cache<String, List<String>> themes;
    private ScheduledFuture<?> task;

    private AlertMonitor(Builder b) {
        this.store = b.store;
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.analyser = Optional.ofNullable(b.analyser);
        this.attributes = b.attributes != null ? b.attributes : AttributeSource.RESPONSE_ONLY;
        this.invitations = Optional.ofNullable(b.invitations);
        this.publisher = b.publisher;
        this.rules = List.copyOf(b.rules);
        this.state = b.state;
        this.themes = Caffeine.newBuilder().maximumSize(50_000).build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a stable id for an alert key: the same key always gives the same id, in any instance */
    static String alertId(String alertKey) {
        return java.util.UUID.nameUUIDFromBytes(alertKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** @return where cool-downs and raised alert keys are kept */
    public AlertState state() {
        return state;
    }

    /** @return the rules, in the order added */
    public List<AlertRule> rules() {
        return rules;
    }

    @Override
    public void recorded(Response response) {
        onResponse(response);
    }

    @Override
    public void edited(Response before, Response after) {
        onResponse(after);
    }

    private void onResponse(Response response) {
        for (AlertRule rule : rules) {
            if (rule instanceof DetractorRule d) {
                try {
                    detractor(d, response).ifPresent(this::publish);
                } catch (RuntimeException e) {
                    LOG.warn("alert rule '{}' failed on response {}; skipped", d.id(), response.id(), e);
                }
            }
        }
    }

    /**
     * Runs the period rules as of {@code now}.
     *
     * @param now the evaluation time, never null
     * @return the alerts raised (and published), in rule order
     */
    public List<Alert> evaluate(Instant now) {
        Objects.requireNonNull(now, "now");
        forgetOldState(now);
        List<Alert> raised = new ArrayList<>();
        for (AlertRule rule : rules) {
            try {
                List<Alert> alerts;
                if (rule instanceof NpsDropRule r) {
                    alerts = npsDrop(r, now);
                } else if (rule instanceof ControlChartRule r) {
                    alerts = controlChart(r, now);
                } else if (rule instanceof ThemeSurgeRule r) {
                    alerts = themeSurge(r, now);
                } else if (rule instanceof ResponseRateRule r) {
                    alerts = responseRate(r, now);
                } else {
                    alerts = List.of(); // response rules run on recording
                }
                for (Alert a : alerts) {
                    if (publish(a)) {
                        raised.add(a);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("alert rule '{}' failed to evaluate; the other rules still ran", rule.id(), e);
            }
        }
        return raised;
    }

    private record Admission(String ruleId, String segment, String alertKey, Instant at) {}

    /** Admits through the state and remembers the admission until its alert is published. */
    private boolean admit(String ruleId, String segment, String alertKey, Instant now, Duration coolDown) {
        if (!state.admit(ruleId, segment, alertKey, now, coolDown)) {
            return false;
        }
        admitted.put(alertId(alertKey), new Admission(ruleId, segment, alertKey, now));
        return true;
    }

    /**
     * Hands an alert to the publisher; if that fails (e.g. the outbox's database is down) the admission is taken
     * back, so the alert is raised again by the next evaluation instead of being lost behind its own key.
     *
     * @return whether the publisher took it
     */
    private boolean publish(Alert alert) {
        Admission a = admitted.remove(alert.id());
        try {
            publisher.publish(alert);
            return true;
        } catch (RuntimeException e) {
            if (a != null) {
                try {
                    state.revoke(a.ruleId(), a.segment(), a.alertKey(), a.at());
                } catch (RuntimeException revokeFailed) {
                    e.addSuppressed(revokeFailed);
                }
            }
            LOG.warn("alert {} of rule '{}' could not be queued for delivery; its admission was taken back so the rule can raise it again",
                    alert.id(), alert.ruleId(), e);
            return false;
        }
    }

    /** Once a day, forgets keys and cool-downs older than any rule looks back, so a durable state stays small. */
    private void forgetOldState(Instant now) {
        if (lastForget.isAfter(now.minus(Duration.ofDays(1)))) {
            return;
        }
        lastForget = now;
        try {
            state.forget(now.minus(Duration.ofDays(InMemoryAlertState.KEPT_DAYS)));
        } catch (RuntimeException e) {
            LOG.warn("forgetting old alert state failed; trying again tomorrow", e);
        }
    }

    /** @return {@link #evaluate(Instant)} at the clock's time */
    public List<Alert> runOnce() {
        return evaluate(clock.instant());
    }

    /**
     * Evaluates the period rules every {@code every} on the executor, until {@link #stop()} or {@link #close()}.
     *
     * @param executor e.g. {@link NpsEngine#executor()}
     * @param every    the interval, at least one second
     */
    public synchronized void start(ScheduledExecutorService executor, Duration every) {
        Objects.requireNonNull(executor, "executor");
        if (Objects.requireNonNull(every, "every").compareTo(Duration.ofSeconds(1)) < 0) {
            throw NpsException.invalid("every", "must be at least 1s (got " + every + ")");
        }
        if (task != null) {
            throw new NpsException(ErrorCode.CONFLICT, "the alert monitor is already started; stop() it first");
        }
        task = executor.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.warn("scheduled alert evaluation failed; it runs again in {}", every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule; an evaluation under way finishes. */
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---- response rule ------------------------------------------------------------------------------------

    private Optional<Alert> detractor(DetractorRule rule, Response r) {
        if (r.category() != Category.DETRACTOR || rule.surveyId().filter(s -> !s.equals(r.surveyId())).isPresent()) {
            return Optional.empty();
        }
        if (rule.requireComment() && r.comment().isEmpty()) {
            return Optional.empty();
        }
        String lower = r.comment().map(c -> c.toLowerCase(Locale.ROOT)).orElse("");
        List<String> matchedWords = rule.words().stream().filter(w -> mentions(lower, w)).sorted().toList();
        if (!rule.words().isEmpty() && matchedWords.isEmpty()) {
            return Optional.empty();
        }
        List<String> matchedThemes = List.of();
        if (!rule.themes().isEmpty()) {
            Set<String> wanted = rule.themes().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            matchedThemes = themesOf(r).stream().filter(t -> wanted.contains(t.toLowerCase(Locale.ROOT))).toList();
            if (matchedThemes.isEmpty()) {
                return Optional.empty();
            }
        }
        Map<String, String> facts = new LinkedHashMap<>();
        if (!rule.segment().isEmpty()) {
            Map<String, String> attrs = attributes.attributesOf(r);
            for (Map.Entry<String, Set<String>> e : rule.segment().entrySet()) {
                String v = attrs.get(e.getKey());
                if (v == null || !e.getValue().contains(v)) {
                    return Optional.empty();
                }
                facts.put(e.getKey(), v);
            }
        }
        Instant now = clock.instant();
        String key = rule.id() + "|response|" + r.id();
        String coolSegment = r.contactId().orElse("anonymous:" + r.id());
        if (!admit(rule.id(), coolSegment, key, now, rule.coolDown())) {
            return Optional.empty();
        }
        facts.put("responseId", r.id());
        facts.put("surveyId", r.surveyId());
        facts.put("contactId", r.contactId().orElse("anonymous"));
        facts.put("score", Integer.toString(r.score().value()));
        if (!matchedWords.isEmpty()) {
            facts.put("words", String.join(", ", matchedWords));
        }
        if (!matchedThemes.isEmpty()) {
            facts.put("themes", String.join(", ", matchedThemes));
        }
        String detail = "Score " + r.score().value() + " on survey " + r.surveyId() + " from contact "
                + r.contactId().orElse("(anonymous)") + "."
                + (rule.includeComment() && r.comment().isPresent() ? "\nComment: " + r.comment().get() : "");
        return Optional.of(new Alert(alertId(key), rule.id(), rule.severity(),
                "Detractor response (score " + r.score().value() + ") on " + r.surveyId(), detail, now, facts));
    }

    private static boolean mentions(String lowerText, String word) {
        if (word.indexOf(' ') >= 0) {
            return lowerText.contains(word);
        }
        for (String token : lowerText.split("[^\\p{L}\\p{N}'-]+")) {
            if (token.equals(word)) {
                return true;
            }
        }
        return false;
    }

    private List<String> themesOf(Response r) {
        if (r.comment().isEmpty() || analyser.isEmpty()) {
            return List.of();
        }
        String comment = r.comment().get();
        return themes.get(r.id() + "#" + comment.hashCode(), k -> analyser.get().analyse(comment, Locale.ROOT).themes());
    }

    // ---- period rules ---------------------------------------------------------------------------------------

    private ResponseFilter window(Optional<String> surveyId, Instant from, Instant to) {
        ResponseFilter.Builder f = ResponseFilter.builder().from(from).to(to);
        surveyId.ifPresent(f::survey);
        return f.build();
    }

    private static long bucket(Instant now, Duration period) {
        return Math.floorDiv(now.getEpochSecond(), Math.max(1, period.getSeconds()));
    }

    private List<Alert> npsDrop(NpsDropRule rule, Instant now) {
        Instant periodStart = now.minus(rule.period());
        Instant baselineStart = rule.baseline().start(periodStart, rule.period());
        Map<String, long[][]> cells = new TreeMap<>();
        long split = periodStart.getEpochSecond();
        List<String> keys = rule.segmentBy().map(List::of).orElse(List.of());
        store.scan(window(rule.surveyId(), baselineStart, now), keys, (score, at, groups) -> {
            String segment = keys.isEmpty() ? ALL : groups[0];
            if (segment.isEmpty()) {
                return; // a response without the attribute belongs to no segment
            }
            cells.computeIfAbsent(segment, s -> new long[2][11])[at >= split ? 0 : 1][score]++;
        });
        Map<String, Detectors.Sides> sides = new LinkedHashMap<>();
        cells.forEach((s, c) -> sides.put(s, new Detectors.Sides(new ScoreCounts(c[0]), new ScoreCounts(c[1]))));
        List<Alert> out = new ArrayList<>();
        for (Detectors.SegmentDrop d : Detectors.npsDrops(sides, rule.minResponses(), rule.minDropPoints(), rule.alpha())) {
            String segLabel = rule.segmentBy().map(k -> k + "=" + d.segment()).orElse(ALL);
            String key = rule.id() + "|" + segLabel + "|" + bucket(now, rule.period());
            if (!admit(rule.id(), segLabel, key, now, rule.coolDown())) {
                continue;
            }
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("segment", segLabel);
            facts.put("npsRecent", fmt(d.sides().recent().nps()));
            facts.put("npsBaseline", fmt(d.sides().baseline().nps()));
            facts.put("change", fmt(d.drop().difference()));
            facts.put("responsesRecent", Long.toString(d.sides().recent().total()));
            facts.put("responsesBaseline", Long.toString(d.sides().baseline().total()));
            facts.put("pValue", String.format(Locale.ROOT, "%.4g", d.drop().pValue()));
            facts.put("alpha", Double.toString(rule.alpha()));
            facts.put("periodStart", periodStart.toString());
            facts.put("periodEnd", now.toString());
            String title = "NPS fell " + fmt(-d.drop().difference()) + " points" + (segLabel.equals(ALL) ? "" : " in " + segLabel)
                    + rule.surveyId().map(s -> " on " + s).orElse("");
            String detail = "NPS " + fmt(d.sides().recent().nps()) + " (n=" + d.sides().recent().total() + ") in the last "
                    + rule.period() + " against " + fmt(d.sides().baseline().nps()) + " (n=" + d.sides().baseline().total()
                    + ") before; one-sided p=" + facts.get("pValue") + (rule.segmentBy().isPresent()
                    ? ", false discovery rate " + rule.alpha() + " across " + sides.size() + " segments" : ", alpha " + rule.alpha()) + ".";
            out.add(new Alert(alertId(key), rule.id(), rule.severity(), title, detail, now, facts));
        }
        return out;
    }

    private List<Alert> controlChart(ControlChartRule rule, Instant now) {
        Instant chartStart = now.minus(rule.window());
        Instant baselineStart = chartStart.minus(rule.baseline());
        long split = chartStart.getEpochSecond();
        long[] baseline = new long[11];
        List<long[]> points = new ArrayList<>();
        store.scan(window(rule.surveyId(), baselineStart, now), List.of(), (score, at, groups) -> {
            if (at < split) {
                baseline[score]++;
            } else {
                points.add(new long[] {at, score >= 9 ? 1 : score >= 7 ? 0 : -1});
            }
        });
        ScoreCounts base = new ScoreCounts(baseline);
        if (base.total() < rule.minBaseline() || points.size() < rule.minResponses()) {
            return List.of();
        }
        points.sort((a, b) -> Long.compare(a[0], b[0]));
        int[] xs = points.stream().mapToInt(p -> (int) p[1]).toArray();
        long seed = java.util.Objects.hash(rule.id(), base, xs.length);
        double width = AlertStatistics.calibratedLimitWidth(base, xs.length, rule.lambda(), rule.alpha(),
                Math.max(1000, (int) Math.ceil(20 / rule.alpha())), seed);
        if (Double.isInfinite(width)) {
            return List.of();
        }
        AlertStatistics.Ewma chart = AlertStatistics.ewma(base, xs, rule.lambda(), width);
        if (!chart.signalled()) {
            return List.of();
        }
        String key = rule.id() + "|" + ALL + "|" + bucket(now, rule.window());
        if (!admit(rule.id(), ALL, key, now, rule.coolDown())) {
            return List.of();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("segment", ALL);
        facts.put("ewma", fmt(chart.last()));
        facts.put("lowerLimit", fmt(chart.lowerLimit()));
        facts.put("centre", fmt(chart.centre()));
        facts.put("responsesCharted", Integer.toString(xs.length));
        facts.put("responsesBaseline", Long.toString(base.total()));
        facts.put("lambda", Double.toString(rule.lambda()));
        facts.put("limitWidth", fmt(width));
        facts.put("alpha", Double.toString(rule.alpha()));
        String title = "NPS below its control limit" + rule.surveyId().map(s -> " on " + s).orElse("");
        String detail = "The EWMA of the last " + xs.length + " responses (" + fmt(chart.last()) + ") fell below the lower control limit "
                + fmt(chart.lowerLimit()) + " around the baseline NPS " + fmt(chart.centre()) + " (n=" + base.total() + ").";
        return List.of(new Alert(alertId(key), rule.id(), rule.severity(), title, detail, now, facts));
    }

    private List<Alert> themeSurge(ThemeSurgeRule rule, Instant now) {
        Instant periodStart = now.minus(rule.period());
        Instant baselineStart = rule.baseline().start(periodStart, rule.period());
        ResponseFilter filter = window(rule.surveyId(), baselineStart, now);
        long[] totals = new long[2];
        Map<String, long[]> hits = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Response> p = store.findResponses(filter, page);
            for (Response r : p.items()) {
                if (r.comment().isEmpty()) {
                    continue;
                }
                int side = r.answeredAt().isBefore(periodStart) ? 1 : 0;
                totals[side]++;
                for (String t : new HashSet<>(themesOf(r))) {
                    hits.computeIfAbsent(t, k -> new long[2])[side]++;
                }
            }
            if (p.items().size() < page.limit()) {
                break;
            }
            page = page.next();
        }
        if (totals[0] < rule.minResponses() || totals[1] < rule.minResponses()) {
            return List.of();
        }
        Set<String> watched = rule.themes().isEmpty() ? hits.keySet() : rule.themes();
        List<String> names = new ArrayList<>(watched);
        List<AlertStatistics.Drop> tests = new ArrayList<>();
        for (String t : names) {
            long[] h = hits.getOrDefault(t, new long[2]);
            tests.add(AlertStatistics.shareIncrease(h[0], totals[0], h[1], totals[1]));
        }
        boolean[] rejected = AlertStatistics.benjaminiHochberg(tests.stream().map(AlertStatistics.Drop::pValue).toList(), rule.alpha());
        List<Alert> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            AlertStatistics.Drop d = tests.get(i);
            if (!rejected[i] || !(d.difference() >= rule.minIncreasePoints())) {
                continue;
            }
            String theme = names.get(i);
            String key = rule.id() + "|theme=" + theme + "|" + bucket(now, rule.period());
            if (!admit(rule.id(), "theme=" + theme, key, now, rule.coolDown())) {
                continue;
            }
            long[] h = hits.getOrDefault(theme, new long[2]);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("theme", theme);
            facts.put("shareRecent", fmt(100.0 * h[0] / totals[0]));
            facts.put("shareBaseline", fmt(100.0 * h[1] / totals[1]));
            facts.put("change", fmt(d.difference()));
            facts.put("commentsRecent", Long.toString(totals[0]));
            facts.put("commentsBaseline", Long.toString(totals[1]));
            facts.put("pValue", String.format(Locale.ROOT, "%.4g", d.pValue()));
            out.add(new Alert(alertId(key), rule.id(), rule.severity(), "Theme '" + theme + "' is surging"
                    + rule.surveyId().map(s -> " on " + s).orElse(""), "'" + theme + "' is in " + facts.get("shareRecent")
                    + "% of comments in the last " + rule.period() + " against " + facts.get("shareBaseline") + "% before (p="
                    + facts.get("pValue") + ").", now, facts));
        }
        return out;
    }

    private List<Alert> responseRate(ResponseRateRule rule, Instant now) {
        InvitationCounts counts = invitations.orElseThrow();
        Instant periodStart = now.minus(rule.period());
        Instant baselineStart = rule.baseline().start(periodStart, rule.period());
        long sentRecent = counts.sent(rule.surveyId(), periodStart, now);
        long sentBaseline = counts.sent(rule.surveyId(), baselineStart, periodStart);
        if (sentRecent < rule.minInvitations() || sentBaseline < rule.minInvitations()) {
            return List.of();
        }
        // Responses may answer invitations of an earlier period: cap at the invitations so a rate stays a share.
        long answeredRecent = Math.min(sentRecent, store.countResponses(window(rule.surveyId(), periodStart, now)));
        long answeredBaseline = Math.min(sentBaseline, store.countResponses(window(rule.surveyId(), baselineStart, periodStart)));
        AlertStatistics.Drop d = AlertStatistics.shareIncrease(answeredBaseline, sentBaseline, answeredRecent, sentRecent);
        if (!(d.pValue() < rule.alpha()) || !(d.difference() >= rule.minDropPoints())) {
            return List.of();
        }
        String key = rule.id() + "|" + ALL + "|" + bucket(now, rule.period());
        if (!admit(rule.id(), ALL, key, now, rule.coolDown())) {
            return List.of();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("rateRecent", fmt(100.0 * answeredRecent / sentRecent));
        facts.put("rateBaseline", fmt(100.0 * answeredBaseline / sentBaseline));
        facts.put("change", fmt(-d.difference()));
        facts.put("invitationsRecent", Long.toString(sentRecent));
        facts.put("invitationsBaseline", Long.toString(sentBaseline));
        facts.put("pValue", String.format(Locale.ROOT, "%.4g", d.pValue()));
        return List.of(new Alert(alertId(key), rule.id(), rule.severity(), "Response rate fell"
                + rule.surveyId().map(s -> " on " + s).orElse(""), "Response rate " + facts.get("rateRecent") + "% of "
                + sentRecent + " invitations in the last " + rule.period() + " against " + facts.get("rateBaseline") + "% of "
                + sentBaseline + " before (p=" + facts.get("pValue") + ").", now, facts));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Builds an {@link AlertMonitor}; {@link #build()} checks every rule and reports every problem at once.
     *
     * @since 0.1
     */
    public static final class Builder {
        private NpsStore store;
        private Clock clock;
        private TextAnalyser analyser;
        private AttributeSource attributes;
        private InvitationCounts invitations;
        private AlertPublisher publisher;
        private final List<AlertRule> rules = new ArrayList<>();
        private NpsEngine engine;
        private AlertState state;

        private Builder() {}

        /**
         * Takes the store, clock and text analyser of an engine, its {@link NpsEngine#alertState() alert state}
         * (durable with a durable store) unless {@link #state} is set, and, for response-rate rules without
         * {@link #invitations}, the invitation counts of its dispatch pipeline.
         *
         * @param engine the engine, never null
         * @return this
         */
        public Builder engine(NpsEngine engine) {
            Objects.requireNonNull(engine, "engine");
            store(engine.store());
            clock(engine.clock());
            engine.textAnalyser().ifPresent(this::textAnalyser);
            this.engine = engine;
            return this;
        }

        public Builder store(NpsStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder textAnalyser(TextAnalyser analyser) {
            this.analyser = Objects.requireNonNull(analyser, "analyser");
            return this;
        }

        /** @param attributes where segment attributes come from (default: the response's own) */
        public Builder attributes(AttributeSource attributes) {
            this.attributes = Objects.requireNonNull(attributes, "attributes");
            return this;
        }

        public Builder invitations(InvitationCounts invitations) {
            this.invitations = Objects.requireNonNull(invitations, "invitations");
            return this;
        }

        /**
         * @param state where cool-downs and raised alert keys are kept (default: the engine's with
         *              {@link #engine}, else a new {@link InMemoryAlertState})
         * @return this
         */
        public Builder state(AlertState state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /** @param publisher where raised alerts go, typically an {@link AlertRelay} */
        public Builder publisher(AlertPublisher publisher) {
            this.publisher = Objects.requireNonNull(publisher, "publisher");
            return this;
        }

        public Builder rule(AlertRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * @return the monitor
         * @throws NpsException {@code CONFIGURATION} listing every problem of every rule and of the wiring
         */
        public AlertMonitor build() {
            List<String> problems = new ArrayList<>();
            if (store == null) {
                problems.add("store: not set; call store(...) or engine(...)");
            }
            if (publisher == null) {
                problems.add("publisher: not set; pass an AlertRelay (or any AlertPublisher) to publisher(...)");
            }
            Set<String> ids = new HashSet<>();
            for (AlertRule r : rules) {
                problems.addAll(r.problems());
                if (r.id() != null && !ids.add(r.id())) {
                    problems.add("rules[" + r.id() + "]: another rule has the same id; rule ids must be unique");
                }
                boolean needsText = r instanceof ThemeSurgeRule || r instanceof DetractorRule d && !d.themes().isEmpty();
                if (needsText && analyser == null) {
                    problems.add("rules[" + r.id() + "]: uses themes but no text analyser is set; add one to the engine or call textAnalyser(...)");
                }
                if (r instanceof ResponseRateRule && invitations == null && engine != null) {
                    try {
                        invitations = engine.dispatch().invitationCounts();
                    } catch (NpsException e) {
                        problems.add("rules[" + r.id() + "]: needs invitation counts and the engine has no outbox ("
                                + e.getMessage() + "); call invitations(...)");
                        continue;
                    }
                }
                if (r instanceof ResponseRateRule && invitations == null) {
                    problems.add("rules[" + r.id() + "]: needs invitation counts; call invitations(...) or engine(...)");
                }
            }
            if (state == null && engine != null) {
                try {
                    state = engine.alertState();
                } catch (NpsException e) {
                    problems.add("state: " + e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                StringBuilder sb = new StringBuilder().append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                        .append(" in the alert rules:");
                for (int i = 0; i < problems.size(); i++) {
                    sb.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
                }
                throw new NpsException(ErrorCode.CONFIGURATION, sb.toString());
            }
            if (state == null) {
                state = new InMemoryAlertState(clock != null ? clock : Clock.systemUTC());
            }
            return new AlertMonitor(this);
        }
    }

    @Override
    public String toString() {
        return "AlertMonitor" + Arrays.toString(rules.stream().map(AlertRule::id).toArray());
    }
}
