package dev.nps.engine.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nps.api.analytics.ScoreCounts;
import dev.nps.engine.NpsEngine;
import dev.nps.testkit.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportRenderersTest {
    private final SettableClock clock = new SettableClock(ReportFixture.NOW);

    private NpsReport report(NpsEngine nps) {
        ScoreCounts all = nps.analytics().nps().run().overall().counts();
        ThemeSource themes = filter -> List.of(ThemeImpacts.row(ReportFixture.HOSTILE, ScoreCounts.ofCategories(20, 0, 0), all),
                ThemeImpacts.row("=HYPERLINK(\"evil\")", ScoreCounts.ofCategories(0, 0, 5), all));
        return ReportBuilder.over(nps.analytics(), clock).title("Report " + ReportFixture.HOSTILE).segmentBy("plan")
                .themes(themes).funnel((s, f, t) -> new NpsReport.Funnel(600, 580, Optional.of(400L), 300)).build();
    }

    @Test
    void htmlIsSelfContainedAndEscapesEveryDataText() throws Exception {
        try (NpsEngine nps = ReportFixture.engine(clock)) {
            String html = HtmlReport.render(report(nps));

            assertThat(html).doesNotContain("<script").doesNotContain(ReportFixture.HOSTILE);
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
            assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("@import").doesNotContain("url(");
            assertThat(html).contains("@media print").contains("<svg").contains("id='segments'").contains("id='themes'")
                    .contains("id='funnel'").contains("class='band'").contains("class='significant'");
            Path out = Path.of("target", "report-test.html");
            Files.createDirectories(out.getParent());
            Files.writeString(out, html);
        }
    }

    @Test
    void csvQuotesPerRfc4180AndDefusesFormulas() {
        try (NpsEngine nps = ReportFixture.engine(clock)) {
            String csv = ReportCsv.write(report(nps));

            assertThat(csv).startsWith("section,period,key,value,responses,").contains("\r\n");
            assertThat(csv).contains("\"'=HYPERLINK(\"\"evil\"\")\"");
            assertThat(csv.lines().filter(l -> l.startsWith("segment,")).count()).isEqualTo(3);
            assertThat(csv).contains("funnel,,invited,,600,").contains("funnel,,opened,,400,");
            String header = csv.lines().findFirst().orElseThrow();
            long columns = header.chars().filter(c -> c == ',').count();
            csv.lines().filter(l -> !l.contains("\"")).forEach(l -> assertThat(l.chars().filter(c -> c == ',').count()).isEqualTo(columns));
        }
    }

    @Test
    void csvCellHandlesQuotesLineBreaksAndFormulaPrefixes() {
        assertThat(ReportCsv.cell("plain")).isEqualTo("plain");
        assertThat(ReportCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReportCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ReportCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(ReportCsv.cell("+49 30")).isEqualTo("'+49 30");
        assertThat(ReportCsv.cell("-2")).isEqualTo("'-2");
        assertThat(ReportCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportCsv.cell("")).isEmpty();
    }

    @Test
    void jsonRoundTripsTheReportWithNaNAsNull() {
        try (NpsEngine nps = ReportFixture.engine(clock)) {
            NpsReport report = report(nps);
            String json = ReportJson.write(report);
            NpsReport back = ReportJson.read(json);

            assertThat(back.overall()).isEqualTo(report.overall());
            assertThat(back.segments()).isEqualTo(report.segments());
            assertThat(back.trend()).isEqualTo(report.trend());
            assertThat(back.funnel()).isEqualTo(report.funnel());
            assertThat(back.themes().get(0).impact()).isCloseTo(report.themes().get(0).impact(), within(1e-9));

            NpsReport empty = ReportBuilder.over(nps.analytics(), clock).survey("none").build();
            assertThat(ReportJson.write(empty)).contains("\"nps\":null");
            assertThat(ReportJson.read(ReportJson.write(empty)).overall().nps()).isNaN();
        }
    }
}
