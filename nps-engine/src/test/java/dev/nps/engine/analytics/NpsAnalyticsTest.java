package dev.nps.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.analytics.GroupResult;
import dev.nps.api.analytics.IntervalMethod;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.NpsResult;
import dev.nps.api.analytics.ScoreCounts;
import dev.nps.api.analytics.TimeBucket;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.spi.NpsStore;
import dev.nps.spi.ScoreRowVisitor;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NpsAnalyticsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final SettableClock clock = SettableClock.startingMonday(); // 2026-01-05T09:00Z
    private final InMemoryStore store = new InMemoryStore();
    private final NpsAnalytics analytics = new NpsAnalytics(store, clock);
    private int ids;

    private void respond(int score, String at, String plan) {
        respond(score, Instant.parse(at), plan, ChannelName.EMAIL, "post-purchase");
    }

    private void respond(int score, Instant at, String plan, ChannelName channel, String survey) {
        Response.Builder b = Response.builder(survey, score).id("r" + ids++).answeredAt(at).channel(channel);
        if (plan != null) {
            b.attribute("plan", plan);
        }
        store.insertResponse(b.build(at));
    }

    private void respondMany(int count, int score, String at, String plan) {
        for (int i = 0; i < count; i++) {
            respond(score, at, plan);
        }
    }

    @Test
    void ungroupedQueryGivesTheOverallSummaryOnly() {
        respondMany(3, 10, "2026-01-01T10:00:00Z", "pro");
        respondMany(2, 7, "2026-01-01T10:00:00Z", "pro");
        respondMany(1, 3, "2026-01-02T10:00:00Z", "free");
        NpsResult result = analytics.run(NpsQuery.builder().method(IntervalMethod.WALD).build());
        assertThat(result.groups()).isEmpty();
        assertThat(result.overall().counts()).isEqualTo(ScoreCounts.ofCategories(0, 0, 0).plus(hist(3, 10)).plus(hist(2, 7)).plus(hist(1, 3)));
        assertThat(result.overall().score()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(result.overall().standardError() / 100).isCloseTo(0.304, within(0.0005));
        assertThat(result.overall().smallSample()).isTrue();
    }

    @Test
    void emptyStoreGivesAnEmptySummaryWithNoGroups() {
        NpsResult result = analytics.run(NpsQuery.builder().groupBy("plan").bucket(TimeBucket.WEEK).build());
        assertThat(result.overall().responses()).isZero();
        assertThat(result.overall().nps()).isNaN();
        assertThat(result.groups()).isEmpty();
    }

    @Test
    void eachSegmentIsComparedWithTheRestNotWithATotalContainingIt() {
        respondMany(70, 10, "2026-01-01T10:00:00Z", "pro");
        respondMany(20, 8, "2026-01-01T10:00:00Z", "pro");
        respondMany(10, 2, "2026-01-01T10:00:00Z", "pro");
        respondMany(40, 9, "2026-01-01T10:00:00Z", "free");
        respondMany(30, 7, "2026-01-01T10:00:00Z", "free");
        respondMany(30, 0, "2026-01-01T10:00:00Z", "free");
        NpsResult result = analytics.run(NpsQuery.builder().groupBy("plan").build());

        assertThat(result.groups()).extracting(g -> g.segment().get("plan")).containsExactly("free", "pro");
        GroupResult pro = result.groups().get(1);
        assertThat(pro.period()).isEmpty();
        assertThat(pro.summary().score()).isCloseTo(60, within(1e-9));
        // pro (NPS 60, variance 0.44) against free (NPS 10, variance 0.69): SE 10.6301, z 4.7036
        assertThat(pro.versusRest()).hasValueSatisfying(c -> {
            assertThat(c.difference()).isCloseTo(50, within(1e-9));
            assertThat(c.standardError()).isCloseTo(10.6301, within(1e-4));
            assertThat(c.significant()).isTrue();
        });
        assertThat(result.groups().get(0).versusRest()).hasValueSatisfying(c -> assertThat(c.difference()).isCloseTo(-50, within(1e-9)));
    }

    @Test
    void aSegmentAloneInItsPeriodHasNoComparison() {
        respondMany(5, 10, "2026-01-01T10:00:00Z", "pro");
        respondMany(5, 10, "2026-02-20T10:00:00Z", "free");
        NpsResult result = analytics.run(NpsQuery.builder().groupBy("plan").bucket(TimeBucket.MONTH).build());
        assertThat(result.groups()).hasSize(2).allSatisfy(g -> assertThat(g.versusRest()).isEmpty());
    }

    @Test
    void segmentsAreComparedWithinTheirOwnPeriod() {
        respondMany(10, 10, "2026-01-06T10:00:00Z", "pro");   // week of 2026-01-05
        respondMany(10, 0, "2026-01-07T10:00:00Z", "free");
        respondMany(10, 0, "2026-01-13T10:00:00Z", "pro");    // week of 2026-01-12
        respondMany(10, 10, "2026-01-14T10:00:00Z", "free");
        NpsResult result = analytics.run(NpsQuery.builder().groupBy("plan").bucket(TimeBucket.WEEK).build());

        assertThat(result.groups()).extracting(g -> g.period().orElseThrow() + "/" + g.segment().get("plan"))
                .containsExactly("2026-01-05/free", "2026-01-05/pro", "2026-01-12/free", "2026-01-12/pro");
        assertThat(result.groups()).extracting(g -> g.versusRest().orElseThrow().difference())
                .containsExactly(-200.0, 200.0, 200.0, -200.0);
    }

    @Test
    void periodsWithoutSegmentsHaveNoComparison() {
        respondMany(2, 10, "2026-01-06T10:00:00Z", "pro");
        respondMany(2, 0, "2026-02-06T10:00:00Z", "pro");
        NpsResult result = analytics.run(NpsQuery.builder().bucket(TimeBucket.MONTH).build());
        assertThat(result.groups()).extracting(g -> g.period().orElseThrow())
                .containsExactly(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"));
        assertThat(result.groups()).allSatisfy(g -> {
            assertThat(g.segment()).isEmpty();
            assertThat(g.versusRest()).isEmpty();
        });
    }

    @Test
    void flagsGroupsBelowTheMinimumSample() {
        respondMany(5, 10, "2026-01-01T10:00:00Z", "pro");
        respondMany(4, 10, "2026-01-01T10:00:00Z", "free");
        NpsResult result = analytics.run(NpsQuery.builder().groupBy("plan").minSample(5).build());
        assertThat(result.groups()).extracting(g -> g.summary().smallSample()).containsExactly(true, false);
        assertThat(result.overall().smallSample()).isFalse();
    }

    @Test
    void missingSegmentValueIsEmptyTextAndContactAttributesFillIn() {
        store.upsertContact(Contact.of("c-1").attribute("plan", "team").build());
        respond(10, "2026-01-01T10:00:00Z", null);
        store.insertResponse(Response.builder("post-purchase", 9).id("with-contact").contact("c-1")
                .answeredAt(Instant.parse("2026-01-01T10:00:00Z")).build(Instant.EPOCH));
        NpsResult result = analytics.run(NpsQuery.builder().groupBy("plan").build());
        assertThat(result.groups()).extracting(g -> g.segment().get("plan")).containsExactly("", "team");
    }

    @Test
    void groupsByTheBuiltInChannelAndSurveyKeys() {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        respond(10, at, null, ChannelName.SMS, "onboarding");
        respond(0, at, null, ChannelName.EMAIL, "post-purchase");
        NpsResult result = analytics.run(NpsQuery.builder().groupBy("survey", "channel").build());
        assertThat(result.groups()).extracting(GroupResult::segment)
                .containsExactly(Map.of("survey", "onboarding", "channel", "sms"), Map.of("survey", "post-purchase", "channel", "email"));
        assertThat(result.groups().get(0).segment().keySet()).containsExactly("survey", "channel");
    }

    @Test
    void weeksStartOnMondayInTheQueryZone() {
        respond(10, "2026-01-04T23:30:00Z", "pro"); // Sunday in UTC, Monday 00:30 in Berlin
        NpsResult utc = analytics.run(NpsQuery.builder().bucket(TimeBucket.WEEK).build());
        NpsResult berlin = analytics.run(NpsQuery.builder().bucket(TimeBucket.WEEK).zone(BERLIN).build());
        assertThat(utc.groups().get(0).period()).hasValue(LocalDate.parse("2025-12-29"));
        assertThat(berlin.groups().get(0).period()).hasValue(LocalDate.parse("2026-01-05"));
    }

    @Test
    void daysFollowTheZoneAcrossDaylightSavingTransitions() {
        // New York moves to daylight time on 2026-03-08 at 07:00 UTC (02:00 EST -> 03:00 EDT).
        respond(10, "2026-03-08T04:30:00Z", "a"); // 03-07 23:30 EST
        respond(10, "2026-03-08T05:30:00Z", "a"); // 03-08 00:30 EST
        respond(10, "2026-03-09T03:30:00Z", "a"); // 03-08 23:30 EDT
        respond(10, "2026-03-09T04:30:00Z", "a"); // 03-09 00:30 EDT
        // ... and back on 2026-11-01 at 06:00 UTC.
        respond(10, "2026-11-01T03:59:59Z", "a"); // 10-31 23:59:59 EDT
        respond(10, "2026-11-01T04:00:00Z", "a"); // 11-01 00:00 EDT
        respond(10, "2026-11-02T04:59:59Z", "a"); // 11-01 23:59:59 EST
        respond(10, "2026-11-02T05:00:00Z", "a"); // 11-02 00:00 EST
        NpsResult result = analytics.run(NpsQuery.builder().bucket(TimeBucket.DAY).zone(NEW_YORK).build());
        assertThat(result.groups()).extracting(g -> g.period().orElseThrow() + "=" + g.summary().responses())
                .containsExactly("2026-03-07=1", "2026-03-08=2", "2026-03-09=1", "2026-10-31=1", "2026-11-01=2", "2026-11-02=1");
    }

    @Test
    void monthsQuartersAndYearsStartOnTheirFirstDay() {
        respond(10, "2026-05-31T22:30:00Z", "a"); // June 1st in Berlin
        assertThat(periodOf(TimeBucket.MONTH)).isEqualTo("2026-06-01");
        assertThat(periodOf(TimeBucket.QUARTER)).isEqualTo("2026-04-01");
        assertThat(periodOf(TimeBucket.YEAR)).isEqualTo("2026-01-01");
        assertThat(periodOf(TimeBucket.DAY)).isEqualTo("2026-06-01");
        assertThat(periodOf(TimeBucket.WEEK)).isEqualTo("2026-06-01");
    }

    private String periodOf(TimeBucket bucket) {
        return analytics.run(NpsQuery.builder().bucket(bucket).zone(BERLIN).build()).groups().get(0).period().orElseThrow().toString();
    }

    @Test
    void intervalsUseTheQueryConfidenceAndMethod() {
        respondMany(162, 10, "2026-01-01T10:00:00Z", "a");
        respondMany(108, 7, "2026-01-01T10:00:00Z", "a");
        respondMany(54, 0, "2026-01-01T10:00:00Z", "a");
        NpsResult wald = analytics.run(NpsQuery.builder().method(IntervalMethod.WALD).build());
        NpsResult ninety = analytics.run(NpsQuery.builder().confidence(0.9).build());
        assertThat(wald.overall().interval().low()).isCloseTo(25.2, within(0.05));
        assertThat(wald.overall().interval().high()).isCloseTo(41.4, within(0.05));
        assertThat(ninety.overall().interval().confidence()).isEqualTo(0.9);
        assertThat(ninety.overall().interval().method()).isEqualTo(IntervalMethod.ADJUSTED_WALD);
    }

    @Test
    void fluentQueryFiltersByTheClockWindowSurveyChannelAndAttribute() {
        Instant now = clock.instant();
        respond(10, now.minus(Duration.ofDays(2)), "pro", ChannelName.EMAIL, "post-purchase");
        respond(0, now.minus(Duration.ofDays(8)), "pro", ChannelName.EMAIL, "post-purchase");   // too old
        respond(0, now.minus(Duration.ofDays(1)), "free", ChannelName.EMAIL, "post-purchase");  // other plan
        respond(0, now.minus(Duration.ofDays(1)), "pro", ChannelName.SMS, "post-purchase");     // other channel
        respond(0, now.minus(Duration.ofDays(1)), "pro", ChannelName.EMAIL, "onboarding");      // other survey
        NpsResult result = analytics.nps().survey("post-purchase").last(Duration.ofDays(7)).channel(ChannelName.EMAIL)
                .where("plan", "pro").groupBy("plan").by(TimeBucket.WEEK).zone(BERLIN).confidence(0.9).run();
        assertThat(result.overall().responses()).isEqualTo(1);
        assertThat(result.overall().score()).isEqualTo(100);
        assertThat(result.groups()).singleElement().satisfies(g -> {
            assertThat(g.period()).hasValue(LocalDate.parse("2025-12-29"));
            assertThat(g.summary().interval().confidence()).isEqualTo(0.9);
        });
    }

    @Test
    void fluentTimeRestrictionsNarrowEachOther() {
        Instant now = clock.instant();
        NpsQuery q = analytics.nps().last(Duration.ofDays(7)).between(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).query();
        assertThat(q.filter().from()).hasValue(now.minus(Duration.ofDays(7)));
        assertThat(q.filter().to()).hasValue(now.minus(Duration.ofDays(1)));
        clock.advance(Duration.ofDays(1));
        assertThat(analytics.nps().last(Duration.ofDays(1)).query().filter().from()).hasValue(now);
    }

    @Test
    void fluentOptionSetTwiceIsRejectedNamingTheCurrentValue() {
        assertThatThrownBy(() -> analytics.nps().by(TimeBucket.WEEK).by(TimeBucket.DAY))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("by").hasMessageContaining("WEEK");
        assertThatThrownBy(() -> analytics.nps().confidence(0.9).confidence(0.95)).hasMessageContaining("0.9");
    }

    @Test
    void fluentQueryRejectsBadArgumentsAtOnce() {
        assertThatThrownBy(() -> analytics.nps().confidence(1.5)).isInstanceOf(NpsException.class).hasMessageContaining("confidence");
        assertThatThrownBy(() -> analytics.nps().last(Duration.ZERO)).hasMessageContaining("last");
        assertThatThrownBy(() -> analytics.nps().where("plan")).hasMessageContaining("plan");
        assertThatThrownBy(() -> analytics.nps().survey("bad id!")).hasMessageContaining("survey");
        assertThatThrownBy(() -> analytics.nps().minSample(-1)).hasMessageContaining("minSample");
    }

    @Test
    void disjointTimeRestrictionsAreRejected() {
        Instant now = clock.instant();
        assertThatThrownBy(() -> analytics.nps().last(Duration.ofDays(1)).until(now.minus(Duration.ofDays(2))).run())
                .isInstanceOf(NpsException.class).hasMessageContaining("time window");
    }

    @Test
    void aScoreOutsideZeroToTenFromTheStoreIsAStoreFailure() {
        NpsStore broken = org.mockito.Mockito.mock(NpsStore.class);
        org.mockito.Mockito.doAnswer(call -> {
            call.<ScoreRowVisitor>getArgument(2).accept(11, 0, new String[0]);
            return null;
        }).when(broken).scan(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        org.mockito.Mockito.when(broken.describe()).thenReturn("broken");
        assertThatThrownBy(() -> new NpsAnalytics(broken, clock).run(NpsQuery.builder().build()))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILURE));
    }

    @Test
    void rejectsNullCollaborators() {
        assertThatThrownBy(() -> new NpsAnalytics(null, clock)).hasMessageContaining("store");
        assertThatThrownBy(() -> new NpsAnalytics(store, null)).hasMessageContaining("clock");
        assertThatThrownBy(() -> analytics.run(null)).hasMessageContaining("query");
    }

    private static ScoreCounts hist(long count, int score) {
        long[] h = new long[11];
        h[score] = count;
        return new ScoreCounts(h);
    }
}
