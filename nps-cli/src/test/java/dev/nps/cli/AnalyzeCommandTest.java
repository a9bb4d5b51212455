package dev.nps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nps.api.analytics.Comparison;
import dev.nps.api.analytics.Interval;
import dev.nps.api.analytics.IntervalMethod;
import dev.nps.api.analytics.ScoreCounts;
import dev.nps.cli.internal.CsvWriter;
import dev.nps.engine.analytics.NpsStatistics;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Path csv(String name, char delimiter, String lineEnd, List<List<String>> records) throws IOException {
        StringWriter text = new StringWriter();
        CsvWriter w = new CsvWriter(text, delimiter, lineEnd);
        for (List<String> r : records) {
            w.write(r);
        }
        return file(name, text.toString());
    }

    private static JsonNode json(CliRun run) throws IOException {
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static final String SMALL = String.join("\n",
            "Response ID,Submitted,\"How likely are you to recommend Acme? (0-10)\",Plan,Comment",
            "r1,2024-01-05T10:00:00Z,10,Pro,\"Great tool, the reports save me hours\"",
            "r2,2024-01-20T10:00:00Z,0,Free,\"Nothing works,\nsupport never answers\"",
            "r3,2024-02-03T10:00:00Z,,Free,",
            "r4,2024-02-10T10:00:00Z,ten,Pro,really good product overall",
            "r5,2024-02-11T10:00:00Z,8,Pro,fine but the price went up again",
            "r6,2024-03-01T10:00:00Z,11,Free,what is this even for honestly",
            "r7,2024-03-02T10:00:00Z,9,Free,the new editor is lovely to use",
            "r8,2024-03-03T10:00:00Z,7.5,Pro,ok",
            "r9,2024-03-04T10:00:00Z,-1,Pro,",
            "r10,2024-03-05T10:00:00Z,6,Pro,too many clicks to export a report",
            "") ;

    @Test
    void printsColumnsNpsCountsDistributionTrendAndSegments() throws IOException {
        CliRun run = CliRun.of("analyze", file("small.csv", SMALL).toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        String out = run.out();
        assertThat(out).contains("score     \"How likely are you to recommend Acme? (0-10)\"")
                .contains("date      \"Submitted\" (ISO 8601")
                .contains("comment   \"Comment\"")
                .contains("segments  \"Plan\"")
                .contains("not used  \"Response ID\"");
        // 10, 0, 8, 9, 6 -> promoters 2, passives 1, detractors 2: NPS 0
        assertThat(out).contains("NPS       +0.0   95% interval")
                .contains("promoters 2 (40.0%)   passives 1 (20.0%)   detractors 2 (40.0%)")
                .contains("responses 5   skipped 5");
        Interval i = NpsStatistics.interval(ScoreCounts.ofCategories(2, 1, 2), 0.95, IntervalMethod.ADJUSTED_WALD);
        assertThat(out).contains(String.format(java.util.Locale.ROOT, "[%+.1f, %+.1f]", i.low(), i.high()));
        assertThat(out).contains("Distribution").contains("Trend by month").contains("2024-01").contains("2024-03")
                .contains("* small sample").contains("Segments").contains("Pro").contains("Free");
    }

    @Test
    void countsSkippedRowsWithThePhysicalLineTheyStartOn() throws IOException {
        CliRun run = CliRun.of("analyze", file("small.csv", SMALL).toString());
        // r2's comment spans lines 3-4, so r3 starts on line 5.
        assertThat(run.out()).contains("line 5: score is blank")
                .contains("line 6: score 'ten' is not a number")
                .contains("line 8: score '11' is outside 0-10")
                .contains("line 10: score '7.5' is not a whole number")
                .contains("line 11: score '-1' is outside 0-10");
        JsonNode j = json(CliRun.of("analyze", "--json", dir.resolve("small.csv").toString()));
        assertThat(j.get("skipped").asLong()).isEqualTo(5);
        assertThat(j.get("skippedExamples").get(0).get("line").asLong()).isEqualTo(5);
        assertThat(j.get("skippedExamples").get(0).get("reason").asText()).isEqualTo("score is blank");
    }

    @Test
    void countsZeroAsADetractorNotAsBlank() throws IOException {
        Path p = file("zeros.csv", "score\n0\n0\n10\n\n");
        JsonNode j = json(CliRun.of("analyze", "--json", p.toString()));
        assertThat(j.get("responses").asLong()).isEqualTo(3);
        assertThat(j.get("detractors").asLong()).isEqualTo(2);
        assertThat(j.get("skipped").asLong()).isZero();
        assertThat(j.get("nps").asDouble()).isCloseTo(-100.0 / 3, within(1e-9));
        assertThat(j.get("distribution").get(0).asLong()).isEqualTo(2);
    }

    @Test
    void readsABomSemicolonCrlfExportWithQuotedNewlines() throws IOException {
        String text = "\uFEFFNPS;Datum;Plan;Kommentar\r\n9;05/03/2024 14:22;Pro;\"Super; schnell\r\nund gut\"\r\n"
                + "3;25/03/2024 09:00;Free;\"Zu teuer, \"\"leider\"\"\"\r\n;26/03/2024 10:00;Free;\r\n"
                + "10;02/04/2024 11:00;Pro;Alles bestens, danke!\r\n";
        JsonNode j = json(CliRun.of("analyze", "--json", file("de.csv", text).toString()));
        assertThat(j.get("encoding").asText()).contains("byte-order mark");
        assertThat(j.get("delimiter").asText()).isEqualTo(";");
        assertThat(j.get("columns").get("score").asText()).isEqualTo("NPS");
        assertThat(j.get("columns").get("dateFormat").asText()).isEqualTo("dd/MM/yyyy");
        assertThat(j.get("responses").asLong()).isEqualTo(3);
        assertThat(j.get("skippedExamples").get(0).get("line").asLong()).isEqualTo(5);
        assertThat(j.get("trend").get(0).get("period").asText()).isEqualTo("2024-03");
        assertThat(j.get("trend").get(0).get("responses").asLong()).isEqualTo(2);
        assertThat(j.get("trend").get(1).get("period").asText()).isEqualTo("2024-04");
    }

    @Test
    void readsATabSeparatedExport() throws IOException {
        Path p = file("t.tsv", "id\trating\tchannel\n1\t9\temail\n2\t4\tsms\n3\t10\temail\n4\t8\tsms\n");
        JsonNode j = json(CliRun.of("analyze", "--json", p.toString()));
        assertThat(j.get("delimiter").asText()).isEqualTo("\t");
        assertThat(j.get("columns").get("score").asText()).isEqualTo("rating");
        assertThat(j.get("columns").get("segments").get(0).asText()).isEqualTo("channel");
        assertThat(j.get("responses").asLong()).isEqualTo(4);
    }

    @Test
    void exitsWithTwoListingTheHeadersWhenThereIsNoScoreColumn() throws IOException {
        CliRun run = CliRun.of("analyze", file("none.csv", "Name,Feedback\nAnn,\"good stuff\"\n").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no score column").contains("\"Name\", \"Feedback\"").contains("--score-col");
    }

    @Test
    void exitsWithTwoForAMissingFile() {
        CliRun run = CliRun.of("analyze", dir.resolve("missing.csv").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("file not found").contains("missing.csv").contains("check the path");
    }

    @Test
    void exitsWithTwoForAnEmptyFileOrABrokenQuote() throws IOException {
        CliRun empty = CliRun.of("analyze", file("empty.csv", "").toString());
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("is empty");
        CliRun broken = CliRun.of("analyze", file("broken.csv", "score,c\n9,ok\n8,\"never closed\n7,x\n").toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("line 3").contains("never closed");
    }

    @Test
    void exitsWithTwoForBadOptionsNamingTheFix() throws IOException {
        String f = file("s.csv", "score\n9\n").toString();
        CliRun confidence = CliRun.of("analyze", "--confidence", "95", f);
        assertThat(confidence.exit()).isEqualTo(2);
        assertThat(confidence.err()).contains("--confidence must be between 0 and 1, e.g. 0.95");
        CliRun zone = CliRun.of("analyze", "--zone", "Mars/Olympus", f);
        assertThat(zone.exit()).isEqualTo(2);
        assertThat(zone.err()).contains("--zone 'Mars/Olympus' is not a time zone");
        CliRun by = CliRun.of("analyze", "--by", "fortnight", f);
        assertThat(by.exit()).isEqualTo(2);
        assertThat(by.err()).contains("--by").contains("WEEK");
        CliRun unknown = CliRun.of("analyze", "--colour", f);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--colour'");
        CliRun col = CliRun.of("analyze", "--score-col", "rating", f);
        assertThat(col.exit()).isEqualTo(2);
        assertThat(col.err()).contains("--score-col 'rating' is not a column").contains("\"score\"");
        assertThat(CliRun.of().exit()).isEqualTo(2);
    }

    @Test
    void overridesChooseTheColumnsAndTheDateFormat() throws IOException {
        Path p = file("o.csv", "a,b,c,d\n9,03/01/2024,x,p\n2,03/02/2024,y,q\n10,03/03/2024,x,p\n8,03/04/2024,y,q\n");
        JsonNode j = json(CliRun.of("analyze", "--json", "--score-col", "A", "--date-col", "b", "--date-format",
                "dd/MM/yyyy", "--segment", "d", "--comment-col", "c", p.toString()));
        assertThat(j.get("columns").get("score").asText()).isEqualTo("a");
        assertThat(j.get("columns").get("date").asText()).isEqualTo("b");
        assertThat(j.get("columns").get("comment").asText()).isEqualTo("c");
        assertThat(j.get("columns").get("segments")).hasSize(1);
        assertThat(j.get("columns").get("segments").get(0).asText()).isEqualTo("d");
        // day first: 3 January, 3 February, 3 March, 3 April
        assertThat(j.get("trend")).hasSize(4);
    }

    @Test
    void bucketsByWeekOrQuarterInTheChosenZone() throws IOException {
        Path p = file("z.csv", "score,at\n9,2024-03-31T23:30:00Z\n9,2024-04-01T10:00:00Z\n");
        JsonNode utc = json(CliRun.of("analyze", "--json", "--by", "quarter", p.toString()));
        assertThat(utc.get("trend").get(0).get("period").asText()).isEqualTo("2024-Q1");
        assertThat(utc.get("trend").get(1).get("period").asText()).isEqualTo("2024-Q2");
        JsonNode berlin = json(CliRun.of("analyze", "--json", "--by", "quarter", "--zone", "Europe/Berlin", p.toString()));
        assertThat(berlin.get("trend")).hasSize(1);
        assertThat(berlin.get("trend").get(0).get("period").asText()).isEqualTo("2024-Q2");
        JsonNode week = json(CliRun.of("analyze", "--json", "--by", "WEEK", p.toString()));
        assertThat(week.get("trend").get(0).get("period").asText()).isEqualTo("2024-W13");
        assertThat(week.get("trend").get(1).get("start").asText()).isEqualTo("2024-04-01");
    }

    @Test
    void jsonHasEveryDocumentedField() throws IOException {
        JsonNode j = json(CliRun.of("analyze", "--json", file("small.csv", SMALL).toString()));
        for (String field : List.of("responses", "promoters", "passives", "detractors", "nps", "interval95", "skipped",
                "skippedExamples", "columns", "segments", "trend", "distribution")) {
            assertThat(j.has(field)).as(field).isTrue();
        }
        assertThat(j.get("interval95").has("low")).isTrue();
        assertThat(j.get("interval95").has("high")).isTrue();
        JsonNode segment = j.get("segments").get(0);
        assertThat(segment.get("column").asText()).isEqualTo("Plan");
        assertThat(segment.has("versusRest")).isTrue();
        assertThat(segment.get("versusRest").has("significant")).isTrue();
        assertThat(j.get("trend").get(0).get("smallSample").asBoolean()).isTrue();
    }

    @Test
    void segmentVersusRestMatchesNpsStatisticsOnTheSameCounts() throws IOException {
        Random random = new Random(7);
        List<List<String>> records = new ArrayList<>();
        records.add(List.of("score", "plan"));
        Map<String, long[]> expected = new HashMap<>();
        String[] plans = {"Free", "Pro", "Enterprise"};
        for (int i = 0; i < 600; i++) {
            String plan = plans[i % 3];
            int score = Math.min(10, Math.max(0, (int) Math.round(7 + (i % 3) + random.nextGaussian() * 2.5)));
            records.add(List.of(String.valueOf(score), plan));
            expected.computeIfAbsent(plan, k -> new long[11])[score]++;
        }
        JsonNode j = json(CliRun.of("analyze", "--json", csv("seg.csv", ',', "\n", records).toString()));
        ScoreCounts all = ScoreCounts.EMPTY;
        for (long[] h : expected.values()) {
            all = all.plus(new ScoreCounts(h));
        }
        assertThat(j.get("segments")).hasSize(3);
        for (JsonNode s : j.get("segments")) {
            ScoreCounts mine = new ScoreCounts(expected.get(s.get("value").asText()));
            Comparison cmp = NpsStatistics.compare(mine, all.minus(mine), 0.05);
            assertThat(s.get("responses").asLong()).isEqualTo(mine.total());
            assertThat(s.get("nps").asDouble()).isCloseTo(mine.nps(), within(1e-9));
            assertThat(s.get("versusRest").get("difference").asDouble()).isCloseTo(cmp.difference(), within(1e-9));
            assertThat(s.get("versusRest").get("pValue").asDouble()).isCloseTo(cmp.pValue(), within(1e-12));
            assertThat(s.get("versusRest").get("significant").asBoolean()).isEqualTo(cmp.significant());
            Interval i = NpsStatistics.interval(mine, 0.95, IntervalMethod.ADJUSTED_WALD);
            assertThat(s.get("interval").get("low").asDouble()).isCloseTo(i.low(), within(1e-9));
        }
        // The difference is against the rest, not against the total that contains the segment.
        JsonNode free = j.get("segments").get(0);
        assertThat(free.get("versusRest").get("difference").asDouble())
                .isNotCloseTo(free.get("nps").asDouble() - j.get("nps").asDouble(), within(1e-6));
    }

    @Test
    void streamsAFileLargerThanTheSampleWindow() throws IOException {
        List<List<String>> records = new ArrayList<>();
        records.add(List.of("Score", "Region", "Date"));
        long[] h = new long[11];
        for (int i = 0; i < 5000; i++) {
            int score = i % 11;
            String region = i < 4000 ? (i % 2 == 0 ? "EMEA" : "NA") : "APAC"; // APAC appears only after the sample
            records.add(List.of(String.valueOf(score), region, "2024-01-01"));
            h[score]++;
        }
        records.add(List.of("eleven", "APAC", "2024-01-02")); // line 5002
        records.add(List.of("", "APAC", "2024-01-02")); // line 5003
        JsonNode j = json(CliRun.of("analyze", "--json", "--sample-rows", "100",
                csv("big.csv", ',', "\r\n", records).toString()));
        assertThat(j.get("dataRows").asLong()).isEqualTo(5002);
        assertThat(j.get("responses").asLong()).isEqualTo(5000);
        assertThat(j.get("nps").asDouble()).isCloseTo(new ScoreCounts(h).nps(), within(1e-9));
        assertThat(j.get("skipped").asLong()).isEqualTo(2);
        assertThat(j.get("skippedExamples").get(0).get("line").asLong()).isEqualTo(5002);
        assertThat(j.get("skippedExamples").get(1).get("line").asLong()).isEqualTo(5003);
        List<String> regions = new ArrayList<>();
        j.get("segments").forEach(s -> regions.add(s.get("value").asText()));
        assertThat(regions).containsExactly("EMEA", "NA", "APAC");
    }

    @Test
    void reportsScoredRowsWithUnreadableDatesOutsideTheTrend() throws IOException {
        Path p = file("d.csv", "score,date\n9,2024-01-05\n8,not a date\n7,\n");
        JsonNode j = json(CliRun.of("analyze", "--json", "--sample-rows", "1", p.toString()));
        assertThat(j.get("responses").asLong()).isEqualTo(3);
        assertThat(j.get("undated").asLong()).isEqualTo(2);
        assertThat(j.get("undatedExamples").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(j.get("trend").get(0).get("responses").asLong()).isEqualTo(1);
    }

    @Test
    void usesTheChosenConfidenceForTheIntervalButKeepsInterval95() throws IOException {
        JsonNode j = json(CliRun.of("analyze", "--json", "--confidence", "0.9", file("small.csv", SMALL).toString()));
        ScoreCounts counts = ScoreCounts.ofCategories(2, 1, 2);
        assertThat(j.get("interval").get("high").asDouble())
                .isCloseTo(NpsStatistics.interval(counts, 0.9, IntervalMethod.ADJUSTED_WALD).high(), within(1e-9));
        assertThat(j.get("interval95").get("high").asDouble())
                .isCloseTo(NpsStatistics.interval(counts, 0.95, IntervalMethod.ADJUSTED_WALD).high(), within(1e-9));
    }

    @Test
    void reportsNoResponsesForAHeaderOnlyExport() throws IOException {
        JsonNode j = json(CliRun.of("analyze", "--json", file("h.csv", "id,NPS score,plan\r\n").toString()));
        assertThat(j.get("responses").asLong()).isZero();
        assertThat(j.get("nps").isNull()).isTrue();
        assertThat(j.get("interval95").get("low").isNumber()).isTrue();
        CliRun text = CliRun.of("analyze", dir.resolve("h.csv").toString());
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("no usable scores");
    }

    @Test
    void showsEmptyPeriodsInTheTrendButNotACenturyOfThemForAStrayDate() throws IOException {
        JsonNode gaps = json(CliRun.of("analyze", "--json",
                file("g.csv", "score,date\n9,2024-01-10\n3,2024-04-02\n").toString()));
        assertThat(gaps.get("trend")).hasSize(4);
        assertThat(gaps.get("trend").get(1).get("responses").asLong()).isZero();
        JsonNode stray = json(CliRun.of("analyze", "--json", "--by", "week",
                file("s.csv", "score,date\n9,1900-01-01\n3,2024-04-02\n").toString()));
        assertThat(stray.get("trend")).hasSize(2);
    }

    @Test
    void printsUsageOnStderrWithExitTwoWhenTheFileIsMissingFromTheCommandLine() {
        CliRun run = CliRun.of("analyze");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'FILE'").contains("Usage: nps analyze");
        CliRun help = CliRun.of("analyze", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--score-col").contains("--date-format").contains("--by").contains("Exit codes");
    }

    @Test
    void saysWhenASegmentValueHoldsEveryResponse() throws IOException {
        CliRun run = CliRun.of("analyze", "--segment", "plan", file("one.csv", "score,plan\n9,pro\n8,pro\n").toString());
        assertThat(run.out()).contains("every response (no rest to compare)");
    }
}
