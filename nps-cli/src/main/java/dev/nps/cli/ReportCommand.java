package dev.nps.cli;

import dev.nps.api.analytics.TimeBucket;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.reports.HtmlReport;
import dev.nps.engine.reports.NpsReport;
import dev.nps.engine.reports.ReportBuilder;
import dev.nps.engine.reports.ReportCsv;
import dev.nps.engine.reports.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps report --store URL --html FILE}: the NPS report of a store as HTML, CSV and/or JSON. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the NPS report of the responses in a store: a self-contained HTML file, CSV and/or JSON.",
        footer = {"", "Exit codes: 0 ok, 1 unexpected failure, 2 bad usage or unusable input."})
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report here.") Path html;
    @Option(names = "--csv", paramLabel = "FILE", description = "Write the CSV export here.") Path csv;
    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON export here.") Path json;
    @Option(names = "--survey", paramLabel = "ID", description = "Only this survey (default: all).") String survey;
    @Option(names = "--days", paramLabel = "N", description = "Only the last N days (default: all time).") Integer days;
    @Option(names = "--by", paramLabel = "PERIOD", defaultValue = "week",
            description = "Trend period: day, week, month or quarter (default: ${DEFAULT-VALUE}).")
    TimeBucket by;
    @Option(names = "--segment", paramLabel = "KEY", description = "Attribute to compare segments by (repeatable).")
    List<String> segments = new ArrayList<>();
    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Net Promoter Score report") String title;
    @Option(names = "--no-themes", description = "Leave out the themes found in the comments (included by default).")
    boolean noThemes;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if (html == null && csv == null && json == null) {
            throw new CommandLine.ParameterException(cl, "name at least one output: --html FILE, --csv FILE or --json FILE");
        }
        if (days != null && days < 1) {
            throw new CommandLine.ParameterException(cl, "--days must be at least 1 (got " + days + ")");
        }
        try (NpsEngine engine = store.open(clock)) {
            ReportBuilder b = ReportBuilder.over(engine.analytics(), clock).title(title).trendBy(by)
                    .segmentBy(segments.toArray(String[]::new));
            if (survey != null) {
                b.survey(survey);
            }
            if (days != null) {
                b.last(Duration.ofDays(days));
            }
            if (!noThemes) {
                b.themes(EngineThemes.of(engine));
            }
            NpsReport report = b.build();
            write(html, HtmlReport.render(report));
            write(csv, ReportCsv.write(report));
            write(json, ReportJson.write(report));
            cl.getOut().printf(Locale.ROOT, "NPS %s from %d responses in %s%n", Double.isNaN(report.overall().nps()) ? "n/a"
                    : String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", report.overall().nps(), report.overall().low(),
                    report.overall().high()), report.overall().responses(), store.describe());
            for (Path p : new Path[] {html, csv, json}) {
                if (p != null) {
                    cl.getOut().println("  wrote " + p.toAbsolutePath());
                }
            }
            cl.getOut().flush();
        }
        return 0;
    }

    private static void write(Path file, String content) throws IOException {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
