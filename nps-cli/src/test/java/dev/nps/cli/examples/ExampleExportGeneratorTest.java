package dev.nps.cli.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nps.cli.NpsCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleExportGeneratorTest {
    /** Maven runs tests in the module directory; the example lives at the repository root. */
    private static final Path COMMITTED = Path.of("..", "examples", "nps-export.csv");

    @TempDir
    Path dir;

    private static String generate(int rows, long seed) throws IOException {
        StringWriter out = new StringWriter();
        ExampleExportGenerator.write(out, rows, seed);
        return out.toString();
    }

    @Test
    void writesTheSameBytesForTheSameSeed() throws IOException {
        assertThat(generate(500, 1)).isEqualTo(generate(500, 1)).isNotEqualTo(generate(500, 2));
    }

    @Test
    void theCommittedExampleIsWhatTheGeneratorWrites() throws IOException {
        String expected = generate(ExampleExportGenerator.DEFAULT_ROWS, ExampleExportGenerator.DEFAULT_SEED);
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("examples/nps-export.csv is stale: regenerate it as examples/README.md says")
                .isEqualTo(expected);
        assertThat(Files.size(COMMITTED)).isLessThan(600 * 1024);
    }

    @Test
    void theExampleAnalysesWithRealSegmentDifferencesAndItsMessyRowsSkipped() throws IOException {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, generate(ExampleExportGenerator.DEFAULT_ROWS, ExampleExportGenerator.DEFAULT_SEED));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = NpsCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("analyze", "--json", file.toString());
        assertThat(exit).as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("dataRows").asLong()).isEqualTo(ExampleExportGenerator.DEFAULT_ROWS);
        assertThat(j.get("skipped").asLong()).isEqualTo(16);
        assertThat(j.get("distribution").get(0).asLong()).isPositive();
        assertThat(j.get("columns").get("date").asText()).isEqualTo("Submitted At");
        assertThat(j.get("columns").get("comment").asText()).isEqualTo("What is the main reason for your score?");
        assertThat(j.get("columns").get("segments").toString()).isEqualTo("[\"Plan\",\"Region\",\"Channel\"]");
        assertThat(j.get("trend")).hasSize(24);
        Map<String, JsonNode> segments = new HashMap<>();
        j.get("segments").forEach(s -> segments.put(s.get("value").asText(), s));
        assertThat(segments.get("Enterprise").get("versusRest").get("significant").asBoolean()).isTrue();
        assertThat(segments.get("Enterprise").get("nps").asDouble()).isGreaterThan(segments.get("Free").get("nps").asDouble());
        assertThat(segments.get("sms").get("versusRest").get("difference").asDouble()).isNegative();
        double first = j.get("trend").get(0).get("nps").asDouble();
        double last = j.get("trend").get(23).get("nps").asDouble();
        assertThat(last).isGreaterThan(first);
    }
}
