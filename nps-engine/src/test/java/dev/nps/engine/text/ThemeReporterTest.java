package dev.nps.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.nps.api.Category;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.analytics.CategoryThemes;
import dev.nps.api.analytics.Driver;
import dev.nps.api.analytics.ThemeReport;
import dev.nps.api.analytics.ThemeStat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every figure below is computed by hand in the comments. */
class ThemeReporterTest {
    private static final Instant JAN = Instant.parse("2026-01-15T10:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-15T10:00:00Z");

    private static FeedbackRow row(int score, String comment, Instant at, String plan, int tenure) {
        return new FeedbackRow(score, comment, at, Map.of("plan", plan, "tenureDays", Integer.toString(tenure)));
    }

    // Delivery: rows 3,5,7,8,9 (all detractors). Support: rows 1,2,6,9.
    private static final List<FeedbackRow> ROWS = List.of(
            row(10, "Support was great", JAN, "pro", 400),
            row(9, "Quick support", JAN, "pro", 300),
            row(3, "Delivery was late", JAN, "free", 20),
            row(8, "", JAN, "pro", 200),
            row(0, "Late delivery again", JAN, "free", 10),
            row(10, "Support helped me", FEB, "pro", 500),
            row(2, "Delivery late", FEB, "free", 30),
            row(1, "Delivery never came", FEB, "free", 40),
            row(4, "Late delivery and support did not answer", FEB, "free", 50),
            row(9, "Nothing to add", FEB, "pro", 100));

    private final ThemeModel model = ThemeModel.discover(List.of(),
            List.of(UserTheme.of("Delivery", "late", "delivery"), UserTheme.of("Support", "support")));
    private final ThemeReport report = ThemeReporter.builder().model(model).build().report(ROWS);

    private ThemeStat stat(String name) {
        return report.themes().stream().filter(t -> t.theme().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anotherAnalysersThemesAndSentimentGiveTheSameFigures() {
        // a plug-in analyser that tags like the user themes above and calls every comment mildly negative
        dev.nps.testkit.KeywordTextAnalyser plugIn = dev.nps.testkit.KeywordTextAnalyser.named("plug-in")
                .theme("Delivery", "late", "delivery").theme("Support", "support").sentiment(-0.5);
        ThemeReport viaPlugIn = ThemeReporter.builder().build().report(ROWS, plugIn);
        assertThat(viaPlugIn.overall().nps()).isCloseTo(-10, within(1e-9));
        assertThat(viaPlugIn.commented()).isEqualTo(9);
        ThemeStat delivery = viaPlugIn.themes().stream().filter(t -> t.theme().equals("Delivery")).findFirst().orElseThrow();
        assertThat(delivery.mentions()).isEqualTo(5);
        assertThat(delivery.impact()).isCloseTo(stat("Delivery").impact(), within(1e-9));
        assertThat(delivery.averageSentiment()).isCloseTo(-0.5, within(1e-9));
        assertThat(viaPlugIn.themes()).extracting(ThemeStat::theme).containsExactly("Delivery", "Support");
        assertThatThrownBy(() -> ThemeReporter.builder().build().report(ROWS, null))
                .isInstanceOf(NpsException.class).hasMessageContaining("analyser");
        dev.nps.spi.TextAnalyser broken = new dev.nps.spi.TextAnalyser() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public dev.nps.spi.TextAnalysis analyse(String text, java.util.Locale language) {
                return null;
            }

            @Override
            public List<dev.nps.spi.TextAnalysis> analyseAll(List<String> texts, java.util.Locale language) {
                return new ArrayList<>(java.util.Collections.nCopies(texts.size(), null));
            }
        };
        assertThatThrownBy(() -> ThemeReporter.builder().build().report(ROWS, broken))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'broken'").hasMessageContaining("analyseAll");
    }

    @Test
    void overallFiguresMatchTheHandComputation() {
        // 4 promoters, 1 passive, 5 detractors of 10
        assertThat(report.overall().nps()).isCloseTo(-10, within(1e-9));
        assertThat(report.commented()).isEqualTo(9);
    }

    @Test
    void themeImpactIsShareTimesTheGapToTheRest() {
        ThemeStat delivery = stat("Delivery");
        assertThat(delivery.mentions()).isEqualTo(5);
        assertThat(delivery.share()).isEqualTo(0.5);
        assertThat(delivery.nps().nps()).isCloseTo(-100, within(1e-9));
        // rest: 4 promoters, 1 passive -> +80; impact = -10 - 80 = 0.5 x (-100 - 80) = -90
        assertThat(delivery.impact()).isCloseTo(-90, within(1e-9));
        // SE = 0.5 x 100 x sqrt(0/5 + 0.16/5)
        assertThat(delivery.impactStandardError()).isCloseTo(0.5 * 100 * Math.sqrt(0.16 / 5), within(1e-9));

        ThemeStat support = stat("Support");
        assertThat(support.mentions()).isEqualTo(4);
        assertThat(support.nps().nps()).isCloseTo(50, within(1e-9));
        // rest: 1 promoter, 1 passive, 4 detractors -> -50; impact = -10 - (-50) = 0.4 x (50 - (-50)) = 40
        assertThat(support.impact()).isCloseTo(40, within(1e-9));
        double varTheme = 0.75 + 0.25 - 0.25;
        double varRest = 5.0 / 6 - 0.25;
        assertThat(support.impactStandardError()).isCloseTo(0.4 * 100 * Math.sqrt(varTheme / 4 + varRest / 6), within(1e-9));
    }

    @Test
    void themesAreSortedByAbsoluteImpact() {
        assertThat(report.themes()).extracting(ThemeStat::theme).containsExactly("Delivery", "Support");
    }

    @Test
    void trendIsMonthlyAndTheGrowthTestIsOneSided() {
        ThemeStat delivery = stat("Delivery");
        assertThat(delivery.trend()).hasSize(2);
        assertThat(delivery.trend().get(0).period()).hasToString("2026-01-01");
        assertThat(delivery.trend().get(0).share()).isEqualTo(0.4);
        assertThat(delivery.trend().get(1).share()).isEqualTo(0.6);
        // pooled 0.5, se = sqrt(0.25 x 0.4), z = 0.2 / se = 0.6325, one-sided p = 0.2635
        assertThat(delivery.emergingPValue()).isCloseTo(0.2635, within(1e-4));
        assertThat(delivery.emerging()).isFalse();
    }

    @Test
    void aThemeThatJumpsIsEmerging() {
        List<FeedbackRow> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(FeedbackRow.of(5, i < 2 ? "late delivery" : "fine", JAN));
            rows.add(FeedbackRow.of(5, i < 20 ? "late delivery" : "fine", FEB));
        }
        ThemeStat delivery = ThemeReporter.builder().model(model).build().report(rows).themes().get(0);
        assertThat(delivery.emerging()).isTrue();
        assertThat(delivery.emergingPValue()).isLessThan(0.001);
    }

    @Test
    void quotesAreShortAndTypical() {
        ThemeStat delivery = stat("Delivery");
        assertThat(delivery.quotes()).hasSize(3).allSatisfy(q -> assertThat(q.toLowerCase()).contains("deliver"));
        String longComment = "The delivery was late " + "and nobody told us why ".repeat(20);
        ThemeStat s = ThemeReporter.builder().model(model).quoteLength(40).build()
                .report(List.of(FeedbackRow.of(0, longComment, JAN))).themes().get(0);
        assertThat(s.quotes().get(0)).hasSizeLessThanOrEqualTo(40).endsWith("\u2026");
    }

    @Test
    void detractorsBlameAndPromotersPraise() {
        CategoryThemes detractors = report.byCategory().stream().filter(c -> c.category() == Category.DETRACTOR).findFirst().orElseThrow();
        assertThat(detractors.responses()).isEqualTo(5);
        assertThat(detractors.themes().get(0).theme()).isEqualTo("Delivery");
        assertThat(detractors.themes().get(0).negative()).isEqualTo(5);
        CategoryThemes promoters = report.byCategory().stream().filter(c -> c.category() == Category.PROMOTER).findFirst().orElseThrow();
        assertThat(promoters.themes().get(0).theme()).isEqualTo("Support");
        assertThat(promoters.themes().get(0).mentions()).isEqualTo(3);
    }

    @Test
    void categoricalDriverIsTheNpsGapBetweenValues() {
        Driver plan = report.drivers().stream().filter(d -> d.attribute().equals("plan")).findFirst().orElseThrow();
        assertThat(plan.kind()).isEqualTo(Driver.Kind.CATEGORICAL);
        assertThat(plan.best()).isEqualTo("pro");
        assertThat(plan.worst()).isEqualTo("free");
        // pro: 4 promoters + 1 passive = +80; free: 5 detractors = -100
        assertThat(plan.effect()).isCloseTo(180, within(1e-9));
        assertThat(plan.significant()).isTrue();
    }

    @Test
    void numericDriverIsSpearmanWithAFisherInterval() {
        Driver tenure = report.drivers().stream().filter(d -> d.attribute().equals("tenureDays")).findFirst().orElseThrow();
        assertThat(tenure.kind()).isEqualTo(Driver.Kind.NUMERIC);
        double rho = ThemeReporter.spearman(ROWS.stream().mapToDouble(FeedbackRow::score).toArray(),
                new double[] {400, 300, 20, 200, 10, 500, 30, 40, 50, 100});
        assertThat(tenure.effect()).isEqualTo(rho);
        double se = Math.sqrt(1.06 / 7);
        double z = 0.5 * Math.log((1 + rho) / (1 - rho));
        assertThat(tenure.low()).isCloseTo(Math.tanh(z - 1.959964 * se), within(1e-5));
        assertThat(tenure.high()).isCloseTo(Math.tanh(z + 1.959964 * se), within(1e-5));
    }

    @Test
    void spearmanAveragesTiedRanks() {
        // ranks of y: 1, 2, 3.5, 5, 3.5; rho = 8 / sqrt(10 x 9.5)
        assertThat(ThemeReporter.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7}))
                .isCloseTo(8 / Math.sqrt(95), within(1e-12));
    }

    @Test
    void discoversThemesFromTheRowsWhenNoModelIsGiven() {
        List<FeedbackRow> rows = new ArrayList<>();
        for (String c : ThemeFixture.COMMENTS) {
            rows.add(FeedbackRow.of(c.contains("late") ? 2 : 9, c, JAN));
        }
        ThemeReport r = ThemeReporter.builder().build().report(rows);
        assertThat(r.themes()).extracting(ThemeStat::theme).contains("delivery time", "price");
    }

    @Test
    void emptyInputGivesAnEmptyReport() {
        ThemeReport r = ThemeReporter.builder().build().report(List.of());
        assertThat(r.themes()).isEmpty();
        assertThat(r.overall().responses()).isZero();
        assertThat(r.drivers()).isEmpty();
    }

    @Test
    void rejectsBadRowsAndOptions() {
        assertThatThrownBy(() -> FeedbackRow.of(11, "x", JAN))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCORE));
        assertThatThrownBy(() -> FeedbackRow.of(5, "x", null))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).startsWith("row.answeredAt"));
        assertThatThrownBy(() -> ThemeReporter.builder().quotes(11))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).startsWith("quotes"));
        assertThatThrownBy(() -> ThemeReporter.builder().model(model).userTheme(UserTheme.of("x", "refund")))
                .isInstanceOf(NpsException.class);
    }

    @Test
    void theReportSerialisesToJson() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module());
        String s = json.writeValueAsString(report);
        assertThat(s).contains("\"theme\":\"Delivery\"", "\"impact\":-90.0", "\"attribute\":\"plan\"");
        // undefined figures (an empty report) are written as "NaN", not as invalid JSON
        String empty = json.writeValueAsString(ThemeReporter.builder().build().report(List.of()));
        assertThat(json.readTree(empty).get("overall").get("nps").asText()).isEqualTo("NaN");
    }
}
