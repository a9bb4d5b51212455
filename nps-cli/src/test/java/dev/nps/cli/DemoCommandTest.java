package dev.nps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsTheLoopFromEmailToReportWithNoSetUp() throws Exception {
        CliRun run = CliRun.of("demo", "--dir", dir.toString(), "--contacts", "60");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("100%").contains("funnel: 60 invited, 60 delivered").contains("HTML report:")
                .contains("order.completed events -> dispatch outbox").containsPattern("alerts: [1-9]\\d* raised").containsPattern("cases: [1-9]\\d* follow-up cases");
        long emls;
        try (Stream<Path> files = Files.list(dir.resolve("mail"))) {
            emls = files.filter(p -> p.toString().endsWith(".eml")).count();
        }
        assertThat(emls).isEqualTo(61); // 60 invitations and the weekly summary
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("Demo Ltd: NPS after purchase").contains("id='funnel'").contains("plan = ").contains("id='themes'");
        String firstMail = Files.readString(dir.resolve("mail/00001.eml"));
        assertThat(firstMail).contains("customer0000@demo.example");
        assertThat(Files.readString(dir.resolve("alerts.json"))).contains("detractor-with-comment");
        assertThat(run.out()).containsPattern("NPS -?\\d+\\.\\d \\(95% interval");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("from (\\d+) responses[\\s\\S]*?(\\d+) answered").matcher(run.out());
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).as("every answer is in the report").isEqualTo(m.group(2));
    }

    @Test
    void rejectsATinyOrHugeCustomerCount() {
        assertThat(CliRun.of("demo", "--dir", dir.toString(), "--contacts", "3").exit()).isEqualTo(NpsCommand.EXIT_USAGE);
    }
}
