package dev.nps.engine.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nps.api.NpsException;
import dev.nps.api.analytics.NpsResult;
import dev.nps.api.analytics.ScoreCounts;
import dev.nps.api.analytics.TimeBucket;
import dev.nps.engine.NpsEngine;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {
    private final SettableClock clock = new SettableClock(ReportFixture.NOW);

    @Test
    void overallTrendAndDistributionEqualTheEngineAnalytics() {
        try (NpsEngine nps = ReportFixture.engine(clock)) {
            NpsReport report = ReportBuilder.over(nps.analytics(), clock).survey("post-purchase")
                    .last(Duration.ofDays(30)).trendBy(TimeBucket.DAY).build();
            NpsResult expected = nps.analytics().nps().survey("post-purchase").last(Duration.ofDays(30))
                    .by(TimeBucket.DAY).run();

            assertThat(report.overall().responses()).isEqualTo(300);
            assertThat(report.overall().nps()).isCloseTo(expected.overall().nps(), within(1e-9));
            assertThat(report.overall().low()).isCloseTo(expected.overall().interval().low(), within(1e-9));
            assertThat(report.trend()).hasSize(expected.groups().size());
            assertThat(report.trend().stream().mapToLong(p -> p.figure().responses()).sum()).isEqualTo(300);
            assertThat(report.distribution().stream().mapToLong(Long::longValue).sum()).isEqualTo(300);
            long[] histogram = expected.overall().counts().histogram();
            for (int s = 0; s <= 10; s++) {
                assertThat(report.distribution().get(s)).isEqualTo(histogram[s]);
            }
            assertThat(report.trend().get(0).period()).isBefore(report.trend().get(report.trend().size() - 1).period());
        }
    }

    @Test
    void segmentsComeWithTheirTestAgainstTheRest() {
        try (NpsEngine nps = ReportFixture.engine(clock)) {
            NpsReport report = ReportBuilder.over(nps.analytics(), clock).segmentBy("plan", "channel").build();

            assertThat(report.segments()).extracting(NpsReport.SegmentRow::key).containsOnly("plan", "channel");
            NpsReport.SegmentRow pro = report.segments().stream().filter(r -> r.value().equals("pro")).findFirst().orElseThrow();
            assertThat(pro.figure().responses()).isEqualTo(100);
            assertThat(pro.significant()).isTrue();
            assertThat(pro.difference()).isPositive();
            assertThat(report.segments().stream().filter(r -> r.key().equals("channel"))).hasSize(2);
        }
    }

    @Test
    void themesAreOrderedByAbsoluteImpactAndFunnelIsCarried() {
        try (NpsEngine nps = ReportFixture.engine(clock)) {
            ScoreCounts all = nps.analytics().nps().run().overall().counts();
            ThemeSource themes = filter -> List.of(
                    ThemeImpacts.row("price", ScoreCounts.ofCategories(20, 0, 0), all),
                    ThemeImpacts.row("support", ScoreCounts.ofCategories(40, 0, 0), all),
                    ThemeImpacts.row("speed", ScoreCounts.ofCategories(0, 0, 10), all));
            NpsReport report = ReportBuilder.over(nps.analytics(), clock).themes(themes)
                    .funnel((survey, from, to) -> new NpsReport.Funnel(1000, 950, Optional.empty(), 300)).build();

            assertThat(report.themes()).extracting(NpsReport.ThemeRow::theme).containsExactly("support", "price", "speed");
            assertThat(report.themes().get(0).impact()).isNegative();
            assertThat(report.funnel()).hasValueSatisfying(f -> assertThat(f.responseRate()).isCloseTo(30.0, within(1e-9)));
        }
    }

    @Test
    void textThemesFindThemesInCommentsAndTellWhichResponsesMentionThem() {
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().discoverProviders(false).clock(clock).build()) {
            nps.surveys().define("s").question("How likely are you to recommend us?").save();
            String[] bad = {"Delivery was late again", "Late delivery and no tracking", "The delivery took two weeks"};
            String[] good = {"Friendly support team", "Support answered quickly", "Great support, thanks"};
            for (int i = 0; i < 60; i++) {
                boolean detractor = i % 2 == 0;
                nps.responses().record(dev.nps.api.Response.builder("s", detractor ? 2 : 10).id("t" + i)
                        .comment(detractor ? bad[i % 3] : good[i % 3]).answeredAt(ReportFixture.NOW.minusSeconds(60 + i))
                        .build(ReportFixture.NOW));
            }
            TextThemes themes = TextThemes.over(nps.store());
            NpsReport report = ReportBuilder.over(nps.analytics(), clock).themes(themes).build();

            assertThat(report.themes()).isNotEmpty();
            NpsReport.ThemeRow worst = report.themes().stream().min(java.util.Comparator.comparingDouble(NpsReport.ThemeRow::impact))
                    .orElseThrow();
            assertThat(worst.impact()).isNegative();
            assertThat(worst.npsWith()).isLessThan(report.overall().nps());
            dev.nps.api.Response late = nps.responses().find("t0").orElseThrow();
            dev.nps.api.Response friendly = nps.responses().find("t3").orElseThrow(); // "Friendly support team"
            assertThat(themes.mentions(late, worst.theme())).isTrue();
            assertThat(themes.mentions(friendly, worst.theme())).as(report.themes().toString()).isFalse();
        }
    }

    @Test
    void textThemesUseTheEnginesAnalyser() {
        dev.nps.engine.text.BuiltinTextAnalyser builtin = dev.nps.engine.text.BuiltinTextAnalyser.builder()
                .userTheme(dev.nps.engine.text.UserTheme.of("Shipping", "late", "tracking")).build();
        dev.nps.testkit.KeywordTextAnalyser plugIn = dev.nps.testkit.KeywordTextAnalyser.named("plug-in").theme("Helpdesk", "support");
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().discoverProviders(false).clock(clock).build()) {
            nps.surveys().define("s").question("How likely are you to recommend us?").save();
            String[] comments = {"Delivery was late again", "No tracking at all", "Great support, thanks"};
            for (int i = 0; i < 30; i++) {
                nps.responses().record(dev.nps.api.Response.builder("s", i % 3 == 2 ? 10 : 3).id("t" + i)
                        .comment(comments[i % 3]).answeredAt(ReportFixture.NOW.minusSeconds(60 + i)).build(ReportFixture.NOW));
            }
            dev.nps.api.Response late = nps.responses().find("t0").orElseThrow();
            dev.nps.api.Response support = nps.responses().find("t2").orElseThrow();

            TextThemes withBuiltin = TextThemes.over(nps.store(), builtin);
            NpsReport report = ReportBuilder.over(nps.analytics(), clock).themes(withBuiltin).build();
            assertThat(report.themes()).extracting(NpsReport.ThemeRow::theme).contains("Shipping");
            assertThat(withBuiltin.mentions(late, "Shipping")).isTrue();
            assertThat(withBuiltin.mentions(support, "Shipping")).isFalse();

            TextThemes withPlugIn = TextThemes.over(nps.store(), plugIn);
            report = ReportBuilder.over(nps.analytics(), clock).themes(withPlugIn).build();
            assertThat(report.themes()).extracting(NpsReport.ThemeRow::theme).containsExactly("Helpdesk");
            assertThat(withPlugIn.mentions(support, "Helpdesk")).isTrue();
            assertThat(withPlugIn.mentions(late, "Helpdesk")).isFalse();
        }
    }

    @Test
    void cachedTextThemesReuseADiscoveryForTheSamePeriodUntilItExpires() {
        dev.nps.testkit.KeywordTextAnalyser counting = dev.nps.testkit.KeywordTextAnalyser.named("counting").theme("Everything", "");
        dev.nps.testkit.SettableClock now = dev.nps.testkit.SettableClock.startingMonday();
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().discoverProviders(false).clock(clock).build()) {
            nps.surveys().define("s").save();
            nps.responses().record(dev.nps.api.Response.builder("s", 3).id("c1").comment("Slow")
                    .answeredAt(ReportFixture.NOW.minusSeconds(60)).build(ReportFixture.NOW));
            TextThemes themes = TextThemes.over(nps.store(), counting).cachedFor(java.time.Duration.ofMinutes(10), now);
            java.time.Instant t = ReportFixture.NOW;
            java.util.function.Function<java.time.Instant, dev.nps.api.analytics.ResponseFilter> lastMonth = at ->
                    dev.nps.api.analytics.ResponseFilter.builder().from(at.minus(java.time.Duration.ofDays(30))).to(at).build();
            assertThat(themes.themes(lastMonth.apply(t))).extracting(NpsReport.ThemeRow::theme).containsExactly("Everything");
            // a refresh a few seconds later, in the same ten minutes: the same discovery
            now.advance(java.time.Duration.ofSeconds(5));
            themes.themes(lastMonth.apply(t.plusSeconds(5)));
            themes.themes(dev.nps.api.analytics.ResponseFilter.builder().survey("s").build());
            assertThat(counting.batches()).isEqualTo(2);
            themes.themes(dev.nps.api.analytics.ResponseFilter.builder().survey("s").build());
            assertThat(counting.batches()).isEqualTo(2);
            // later than ten minutes: discovered again
            now.advance(java.time.Duration.ofMinutes(11));
            themes.themes(dev.nps.api.analytics.ResponseFilter.builder().survey("s").build());
            assertThat(counting.batches()).isEqualTo(3);
            assertThat(themes.mentions(nps.responses().find("c1").orElseThrow(), "Everything")).isTrue();
            assertThatThrownBy(() -> themes.cachedFor(java.time.Duration.ZERO, now)).hasMessageContaining("reuseFor");
            // a window at the ends of time is used as it is, not rounded
            assertThat(themes.themes(dev.nps.api.analytics.ResponseFilter.builder().from(java.time.Instant.MIN).to(java.time.Instant.MAX).build()))
                    .extracting(NpsReport.ThemeRow::theme).containsExactly("Everything");
        }
    }

    @Test
    void themeImpactIsOverallMinusTheRestWithoutTheTheme() {
        ScoreCounts all = ScoreCounts.ofCategories(30, 20, 50); // NPS 20
        NpsReport.ThemeRow row = ThemeImpacts.row("price", ScoreCounts.ofCategories(20, 0, 0), all);
        // Without: 10 detractors, 20 passives, 50 promoters of 80 -> NPS 50; impact 20 - 50 = -30.
        assertThat(row.impact()).isCloseTo(-30.0, within(1e-9));
        assertThat(row.npsWith()).isCloseTo(-100.0, within(1e-9));
    }

    @Test
    void emptyWindowGivesAReportWithNoResponses() {
        try (NpsEngine nps = ReportFixture.engine(clock)) {
            NpsReport report = ReportBuilder.over(nps.analytics(), clock).survey("other").build();
            assertThat(report.overall().responses()).isZero();
            assertThat(report.overall().nps()).isNaN();
            assertThat(report.trend()).isEmpty();
            assertThat(HtmlReport.render(report)).contains("no responses in this window");
        }
    }

    @Test
    void rejectsAnEmptyWindowAndABlankTitle() {
        try (NpsEngine nps = ReportFixture.engine(clock)) {
            ReportBuilder b = ReportBuilder.over(nps.analytics(), clock);
            assertThatThrownBy(() -> b.between(ReportFixture.NOW, ReportFixture.NOW))
                    .isInstanceOf(NpsException.class).hasMessageContaining("between");
            assertThatThrownBy(() -> b.title(" ")).isInstanceOf(NpsException.class).hasMessageContaining("title");
            assertThatThrownBy(() -> b.last(Duration.ZERO)).isInstanceOf(NpsException.class).hasMessageContaining("last");
        }
    }
}
