package dev.nps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.engine.NpsEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportReportServeCommandTest {
    @TempDir
    Path dir;

    private final String store = "mem:" + UUID.randomUUID();

    private NpsEngine open() {
        return StoreUrl.open(store, null, null, Clock.systemUTC());
    }

    @Test
    void importsACsvExportOnceAndListsSkippedRowsWithTheirReason() throws Exception {
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, """
                Date,How likely are you to recommend us?,Why?,Plan
                2026-01-05,10,"Great, fast",pro
                2026-01-06,3,Too slow,free
                2026-01-06,3,Too slow,free
                2026-01-07,eleven,?,free
                2026-01-08,11,,pro
                2026-01-09,8,,=cmd|' /C calc'!A0
                """);
        CliRun first = CliRun.of("import", csv.toString(), "--store", store, "--survey", "legacy", "--comment-col", "Why?",
                "--segment", "Plan");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("6 rows read: 4 new, 0 already imported, 0 updated, 2 skipped")
                .contains("skipped 1: score");
        CliRun again = CliRun.of("import", csv.toString(), "--store", store, "--survey", "legacy", "--comment-col", "Why?",
                "--segment", "Plan");
        assertThat(again.out()).contains("6 rows read: 0 new, 4 already imported");

        try (NpsEngine engine = open()) {
            List<Response> all = engine.responses().list(ResponseFilter.ALL, PageRequest.first(100)).items();
            assertThat(all).hasSize(4);
            assertThat(all).allSatisfy(r -> assertThat(r.id()).startsWith("imp-"));
            assertThat(all.stream().filter(r -> r.score().value() == 3)).hasSize(2);
            assertThat(all.stream().filter(r -> r.score().value() == 10).findFirst().orElseThrow().comment()).contains("Great, fast");
            assertThat(all.get(0).attributes()).containsKey("plan");
            assertThat(all.stream().filter(r -> r.score().value() == 10).findFirst().orElseThrow().answeredAt())
                    .isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
        }
    }

    @Test
    void importsADelightedJsonExportWithPeopleAndProperties() throws Exception {
        Path json = dir.resolve("delighted.json");
        Files.writeString(json, """
                {"survey_responses": [
                  {"id": "101", "person": {"id": "7", "email": "ann@example.com", "name": "Ann"}, "score": 9,
                   "comment": "Love it", "created_at": 1767225600, "person_properties": {"Plan": "pro", "Region ": "EMEA"}},
                  {"id": 102, "person": {"id": "8", "email": "bob@example.com"}, "score": 2, "comment": null,
                   "created_at": 1767312000, "person_properties": {}},
                  {"id": "103", "score": 12, "created_at": 1767312000},
                  {"score": 5, "created_at": 1767312000},
                  {"id": "104", "score": 7}
                ]}
                """);
        CliRun run = CliRun.of("import", json.toString(), "--store", store);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("(Delighted JSON)").contains("5 rows read: 2 new").contains("3 skipped")
                .contains("score is missing or not a whole number 0-10").contains("id is missing")
                .contains("created_at is missing").contains("2 contacts").doesNotContain("ann@example.com");
        assertThat(CliRun.of("import", json.toString(), "--store", store).out()).contains("0 new, 2 already imported");
        try (NpsEngine engine = open()) {
            Response ann = engine.responses().list(ResponseFilter.builder().contact("delighted-7").build(), PageRequest.first(5))
                    .items().get(0);
            assertThat(ann.score().value()).isEqualTo(9);
            assertThat(ann.answeredAt()).isEqualTo(Instant.ofEpochSecond(1767225600));
            assertThat(ann.attributes()).containsEntry("plan", "pro").containsEntry("region", "EMEA");
            assertThat(engine.contacts().find("delighted-7").orElseThrow().email()).contains("ann@example.com");
        }
    }

    @Test
    void rejectsAJsonFileThatIsNotADelightedExport() throws Exception {
        Path json = dir.resolve("other.json");
        Files.writeString(json, "{\"responses\": 3}");
        CliRun run = CliRun.of("import", json.toString(), "--store", store);
        assertThat(run.exit()).isEqualTo(NpsCommand.EXIT_USAGE);
        assertThat(run.err()).contains("survey_responses");
    }

    @Test
    void reportWritesHtmlCsvAndJsonFromTheStore() throws Exception {
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, "Score,Date,Plan\n10,2026-01-05,pro\n9,2026-01-12,pro\n2,2026-01-12,free\n");
        assertThat(CliRun.of("import", csv.toString(), "--store", store, "--segment", "Plan").exit()).isZero();
        Path html = dir.resolve("out/report.html");
        Path out = dir.resolve("out/report.csv");
        Path json = dir.resolve("out/report.json");
        CliRun run = CliRun.of("report", "--store", store, "--html", html.toString(), "--csv", out.toString(),
                "--json", json.toString(), "--segment", "plan");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("NPS 33.3").contains("from 3 responses");
        assertThat(Files.readString(html).contains("plan = pro")).isTrue();
        assertThat(Files.readString(out)).startsWith("section,").contains("segment,,plan,pro,2,");
        assertThat(Files.readString(json)).contains("\"responses\":3");
        assertThat(CliRun.of("report", "--store", store).err()).contains("--html");
    }

    @Test
    void reportIncludesTheThemesOfTheCommentsUnlessAskedNotTo() throws Exception {
        Path csv = dir.resolve("comments.csv");
        StringBuilder rows = new StringBuilder("Score,Date,Comment\n");
        String[] late = {"Delivery was late again", "The delivery took two weeks", "Late delivery, no tracking",
            "My delivery never arrived", "Delivery was slow and late", "Another late delivery"};
        String[] kind = {"Friendly support team", "Support answered quickly", "Great support, thanks",
            "The support agent was kind", "Helpful support staff", "Support solved it fast"};
        for (int i = 0; i < 6; i++) {
            rows.append("2,2026-01-05,\"").append(late[i]).append("\"\n10,2026-01-06,\"").append(kind[i]).append("\"\n");
        }
        Files.writeString(csv, rows.toString());
        assertThat(CliRun.of("import", csv.toString(), "--store", store).exit()).isZero();
        Path out = dir.resolve("themes.csv");
        CliRun run = CliRun.of("report", "--store", store, "--csv", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(out)).containsPattern("(?m)^theme,.*deliver");
        Path without = dir.resolve("no-themes.csv");
        assertThat(CliRun.of("report", "--store", store, "--csv", without.toString(), "--no-themes").exit()).isZero();
        assertThat(Files.readString(without)).doesNotContainPattern("(?m)^theme,");
    }

    @Test
    void serveStartsTheDashboardAndPrintsItsAddressWithAToken() {
        CliRun run = CliRun.of("serve", "--store", store, "--port", "0", "--token-env", "NPS_TEST_UNSET_" + UUID.randomUUID().toString().replace('-', '_'),
                "--exit-after-start");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Open: http://127\\.0\\.0\\.1:\\d+/\\?token=[0-9a-f]{48}").contains("token generated");
        CliRun withThemes = CliRun.of("serve", "--store", store, "--port", "0", "--themes", "--exit-after-start");
        assertThat(withThemes.exit()).as(withThemes.err()).isZero();
    }

    @Test
    void importsIntoTheEmbeddedDatabaseOnceAcrossRunsAndReportsFromIt() throws Exception {
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, "id,Score,Date,Plan\na1,10,2026-01-05,pro\na2,9,2026-01-12,pro\na3,2,2026-01-12,free\n");
        String file = "file:" + dir.resolve("db");
        CliRun first = CliRun.of("import", csv.toString(), "--store", file, "--id-col", "id", "--segment", "Plan");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("3 new");
        CliRun second = CliRun.of("import", csv.toString(), "--store", file, "--id-col", "id", "--segment", "Plan");
        assertThat(second.out()).contains("0 new, 3 already imported");
        Path html = dir.resolve("db-report.html");
        CliRun report = CliRun.of("report", "--store", file, "--html", html.toString(), "--segment", "plan");
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).contains("from 3 responses");
    }

    @Test
    void rejectsAnUnknownStoreUrl() {
        CliRun run = CliRun.of("report", "--store", "postgres://x?password=secret", "--html", "x.html");
        assertThat(run.exit()).isEqualTo(NpsCommand.EXIT_USAGE);
        assertThat(run.err()).contains("not a store URL").doesNotContain("secret");
    }
}
