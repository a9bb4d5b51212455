package dev.nps.engine.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.spi.Alert;
import dev.nps.spi.Sentiment;
import dev.nps.spi.TextAnalyser;
import dev.nps.spi.TextAnalysis;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlertMonitorTest {
    private final SettableClock clock = SettableClock.startingMonday();
    private final InMemoryStore store = new InMemoryStore();
    private final List<Alert> published = new ArrayList<>();
    private int seq;

    /** A text analyser that finds the theme "pricing" in comments mentioning price. */
    private static final TextAnalyser PRICING = new TextAnalyser() {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public TextAnalysis analyse(String text, Locale language) {
            return new TextAnalysis(Sentiment.NEUTRAL, text.contains("price") ? List.of("pricing") : List.of("other"));
        }
    };

    private AlertMonitor.Builder monitor() {
        return AlertMonitor.builder().store(store).clock(clock).publisher(published::add);
    }

    private Response response(int score, Instant at, String plan, String comment) {
        Response.Builder b = Response.builder("s", score).id("r-" + (++seq)).contact("c-" + seq).answeredAt(at);
        if (plan != null) {
            b.attribute("plan", plan);
        }
        if (comment != null) {
            b.comment(comment);
        }
        return b.build(at);
    }

    private void add(int promoters, int passives, int detractors, Instant from, Duration span, String plan) {
        int n = promoters + passives + detractors;
        for (int i = 0; i < n; i++) {
            int score = i < promoters ? 10 : i < promoters + passives ? 8 : 2;
            store.insertResponse(response(score, from.plus(span.multipliedBy(i).dividedBy(n)), plan, null));
        }
    }

    @Test
    void alertsOnEveryDetractorOnceAndNeverOnAPromoter() {
        AlertMonitor m = monitor().rule(DetractorRule.named("detractors").build()).build();
        Response d = response(3, clock.instant(), null, "slow");
        m.recorded(response(10, clock.instant(), null, null));
        m.recorded(d);
        m.edited(d, d.withAnswer(dev.nps.api.Score.of(2), d.comment()));
        assertThat(published).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("detractors");
            assertThat(a.facts()).containsEntry("responseId", d.id()).containsEntry("score", "3");
            assertThat(a.detail()).doesNotContain("slow");
        });
    }

    @Test
    void detractorRuleMatchesWordsThemesAndHighValueSegments() {
        AlertMonitor m = monitor().textAnalyser(PRICING)
                .rule(DetractorRule.named("words").mentioning("cancel").build())
                .rule(DetractorRule.named("themes").withTheme("pricing").build())
                .rule(DetractorRule.named("enterprise").inSegment("plan", "enterprise").includeComment(true).build())
                .build();
        m.recorded(response(2, clock.instant(), "pro", "I will cancel, the price is too high"));
        m.recorded(response(2, clock.instant(), "enterprise", "meh"));
        m.recorded(response(2, clock.instant(), "pro", "cancellation was hard")); // "cancel" is not a word in it
        assertThat(published).extracting(Alert::ruleId).containsExactly("words", "themes", "enterprise");
        assertThat(published.get(2).detail()).contains("Comment: meh");
    }

    @Test
    void anAlertThePublisherCouldNotTakeIsRaisedAgainNotLostBehindItsKey() {
        Instant now = clock.instant();
        add(60, 20, 20, now.minus(Duration.ofDays(14)), Duration.ofDays(7), null);
        add(30, 20, 50, now.minus(Duration.ofDays(7)), Duration.ofDays(7), null);
        boolean[] outboxDown = {true};
        AlertMonitor m = AlertMonitor.builder().store(store).clock(clock).publisher(a -> {
            if (outboxDown[0]) {
                throw new IllegalStateException("outbox unavailable");
            }
            published.add(a);
        }).rule(NpsDropRule.named("drop").period(Duration.ofDays(7)).build()).rule(DetractorRule.named("detractors").build()).build();

        assertThat(m.evaluate(now)).as("not queued, so not reported as raised").isEmpty();
        Response d = response(2, now, null, null);
        m.recorded(d);
        assertThat(published).isEmpty();
        assertThat(m.state().lastRaised("drop", "all")).as("the cool-down was taken back").isEmpty();

        outboxDown[0] = false;
        assertThat(m.evaluate(now.plus(Duration.ofMinutes(15)))).hasSize(1);
        m.edited(d, d.withAnswer(dev.nps.api.Score.of(1), d.comment()));
        assertThat(published).extracting(Alert::ruleId).containsExactly("drop", "detractors");
        assertThat(m.evaluate(now.plus(Duration.ofMinutes(30)))).as("raised once it was queued: cool-down again").isEmpty();
    }

    @Test
    void npsDropAlertsOnceWithItsFiguresThenCoolsDown() {
        Instant now = clock.instant();
        add(60, 20, 20, now.minus(Duration.ofDays(14)), Duration.ofDays(7), null);   // NPS +40
        add(30, 20, 50, now.minus(Duration.ofDays(7)), Duration.ofDays(7), null);     // NPS -20
        AlertMonitor m = monitor().rule(NpsDropRule.named("drop").period(Duration.ofDays(7)).build()).build();

        List<Alert> first = m.evaluate(now);
        assertThat(first).singleElement().satisfies(a -> {
            assertThat(a.facts()).containsEntry("npsRecent", "-20.0").containsEntry("npsBaseline", "40.0")
                    .containsEntry("change", "-60.0").containsEntry("responsesRecent", "100");
            assertThat(Double.parseDouble(a.facts().get("pValue"))).isLessThan(0.001);
        });
        assertThat(m.evaluate(now)).as("same key: de-duplicated").isEmpty();
        assertThat(m.evaluate(now.plus(Duration.ofHours(1)))).as("inside the cool-down").isEmpty();
        assertThat(m.runOnce()).isEmpty();
        assertThat(first.get(0).id()).isEqualTo(AlertMonitor.alertId("drop|all|" + Math.floorDiv(now.getEpochSecond(), 7 * 86400)));
    }

    @Test
    void smallSamplesNeverAlertHoweverLargeTheDrop() {
        Instant now = clock.instant();
        add(9, 0, 0, now.minus(Duration.ofDays(14)), Duration.ofDays(7), null);
        add(0, 0, 9, now.minus(Duration.ofDays(7)), Duration.ofDays(7), null);
        AlertMonitor m = monitor().rule(NpsDropRule.named("drop").minResponses(10).build()).build();
        assertThat(m.evaluate(now)).isEmpty();
    }

    @Test
    void aSignificantButTinyDropDoesNotAlert() {
        Instant now = clock.instant();
        add(5000, 3000, 2000, now.minus(Duration.ofDays(14)), Duration.ofDays(7), null); // +30
        add(4800, 3100, 2100, now.minus(Duration.ofDays(7)), Duration.ofDays(7), null);  // +27
        AlertMonitor m = monitor().rule(NpsDropRule.named("drop").minDropPoints(5).build()).build();
        assertThat(m.evaluate(now)).isEmpty();
    }

    @Test
    void segmentsAreTestedSeparatelyAndOnlyTheDroppingOneAlerts() {
        Instant now = clock.instant();
        add(50, 30, 20, now.minus(Duration.ofDays(35)), Duration.ofDays(28), "pro");
        add(50, 30, 20, now.minus(Duration.ofDays(7)), Duration.ofDays(7), "pro");
        add(60, 20, 20, now.minus(Duration.ofDays(35)), Duration.ofDays(28), "enterprise");
        add(20, 20, 60, now.minus(Duration.ofDays(7)), Duration.ofDays(7), "enterprise");
        add(5, 0, 0, now.minus(Duration.ofDays(35)), Duration.ofDays(28), "free");
        add(0, 0, 5, now.minus(Duration.ofDays(7)), Duration.ofDays(7), "free");
        AlertMonitor m = monitor().rule(NpsDropRule.named("drop").segmentBy("plan").baseline(Baseline.rolling(Duration.ofDays(28))).build()).build();
        assertThat(m.evaluate(now)).singleElement().satisfies(a -> {
            assertThat(a.facts()).containsEntry("segment", "plan=enterprise");
            assertThat(a.title()).contains("plan=enterprise");
        });
        // Next week the same drop is a new period key, and the cool-down (one period) is over.
        assertThat(m.evaluate(now.plus(Duration.ofDays(7)))).isEmpty(); // the recent week is now empty
    }

    @Test
    void controlChartSignalsALastingShiftAndStaysQuietWithoutOne() {
        Instant now = clock.instant();
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            Instant at = now.minus(Duration.ofDays(35)).plus(Duration.ofMinutes(i * 100L));
            store.insertResponse(response(random.nextDouble() < 0.5 ? 10 : random.nextDouble() < 0.5 ? 8 : 2, at, null, null));
        }
        AlertMonitor m = monitor().rule(ControlChartRule.named("ewma").build()).build();
        for (int i = 0; i < 60; i++) {
            store.insertResponse(response(random.nextDouble() < 0.5 ? 10 : random.nextDouble() < 0.5 ? 8 : 2,
                    now.minus(Duration.ofDays(6)).plus(Duration.ofMinutes(i * 10L)), null, null));
        }
        assertThat(m.evaluate(now)).as("in control").isEmpty();
        for (int i = 0; i < 60; i++) {
            store.insertResponse(response(random.nextDouble() < 0.2 ? 10 : 2, now.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(i * 10L)), null, null));
        }
        assertThat(m.evaluate(now)).singleElement().satisfies(a -> {
            assertThat(Double.parseDouble(a.facts().get("ewma"))).isLessThan(Double.parseDouble(a.facts().get("lowerLimit")));
        });
    }

    @Test
    void themeSurgeAlertsWhenAThemesShareRises() {
        Instant now = clock.instant();
        for (int i = 0; i < 100; i++) {
            Instant before = now.minus(Duration.ofDays(20)).plus(Duration.ofMinutes(i));
            store.insertResponse(response(5, before, null, i < 10 ? "the price" : "fine"));
            Instant recent = now.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(i));
            store.insertResponse(response(5, recent, null, i < 40 ? "the price" : "fine"));
        }
        AlertMonitor m = monitor().textAnalyser(PRICING).rule(ThemeSurgeRule.named("themes").build()).build();
        assertThat(m.evaluate(now)).singleElement().satisfies(a -> {
            assertThat(a.facts()).containsEntry("theme", "pricing").containsEntry("shareRecent", "40.0").containsEntry("shareBaseline", "10.0");
        });
    }

    @Test
    void responseRateDropAlertsThroughInvitationCounts() {
        Instant now = clock.instant();
        add(10, 10, 10, now.minus(Duration.ofDays(14)), Duration.ofDays(7), null); // 30 of 100 before
        add(3, 3, 4, now.minus(Duration.ofDays(7)), Duration.ofDays(7), null);      // 10 of 100 now
        AlertMonitor m = monitor().invitations((survey, from, to) -> 100).rule(ResponseRateRule.named("rate").build()).build();
        assertThat(m.evaluate(now)).singleElement().satisfies(a -> {
            assertThat(a.facts()).containsEntry("rateRecent", "10.0").containsEntry("rateBaseline", "30.0");
        });
    }

    @Test
    void rejectsBadRulesListingEveryProblem() {
        assertThatThrownBy(() -> AlertMonitor.builder().clock(clock)
                .rule(NpsDropRule.named("drop").alpha(1.5).minResponses(3).period(Duration.ZERO).build())
                .rule(NpsDropRule.named("drop").segmentBy("9bad").build())
                .rule(ThemeSurgeRule.named("themes").build())
                .rule(ResponseRateRule.named("rate").minDropPoints(-1).build())
                .rule(DetractorRule.named("d").inSegment("plan").build())
                .build())
                .isInstanceOf(NpsException.class)
                .satisfies(e -> {
                    assertThat(((NpsException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).contains("store: not set", "publisher: not set", "rules[drop].alpha",
                            "rules[drop].minResponses", "rules[drop].period", "rules[drop].segmentBy",
                            "rules[drop]: another rule has the same id", "rules[themes]: uses themes but no text analyser",
                            "rules[rate]: needs invitation counts", "rules[rate].minDropPoints", "rules[d].segment['plan']")
                            .startsWith("11 problems in the alert rules:");
                });
    }

    @Test
    void aFailingRuleDoesNotStopTheOthers() {
        Instant now = clock.instant();
        add(60, 20, 20, now.minus(Duration.ofDays(14)), Duration.ofDays(7), null);
        add(30, 20, 50, now.minus(Duration.ofDays(7)), Duration.ofDays(7), null);
        AlertMonitor m = monitor().invitations((s, f, t) -> {
                    throw new IllegalStateException("invitation store down");
                })
                .rule(ResponseRateRule.named("rate").build())
                .rule(NpsDropRule.named("drop").build()).build();
        assertThat(m.evaluate(now)).extracting(Alert::ruleId).containsExactly("drop");
        assertThat(published).hasSize(1);
    }
}
