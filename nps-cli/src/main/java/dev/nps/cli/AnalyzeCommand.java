package dev.nps.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nps analyze FILE}: the NPS of a CSV export with its interval, distribution, trend and segments. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {
            "Analyse a survey export (CSV, semicolon- or tab-separated) from any tool.",
            "The score, date, comment and segment columns are detected; options override each choice."},
        footer = {"", "Exit codes: 0 ok, 1 unexpected failure, 2 bad usage or unusable input."})
final class AnalyzeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export to analyse.")
    Path file;

    @Option(names = "--score-col", paramLabel = "NAME", description = "Header of the 0-10 score column.")
    String scoreCol;

    @Option(names = "--comment-col", paramLabel = "NAME", description = "Header of the free-text comment column.")
    String commentCol;

    @Option(names = "--date-col", paramLabel = "NAME", description = "Header of the response date column.")
    String dateCol;

    @Option(names = "--segment", paramLabel = "NAME",
            description = "Header of a column to compare segments by (repeatable); replaces the detected ones.")
    List<String> segments = new ArrayList<>();

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "How dates are written, as a java.time pattern, e.g. dd/MM/yyyy or MM/dd/yyyy HH:mm.")
    String dateFormat;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone that defines days, for dates with an offset and for periods (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--by", paramLabel = "PERIOD", defaultValue = "month",
            description = "Trend period: week (ISO, Monday first), month or quarter (default: ${DEFAULT-VALUE}).")
    Period by;

    @Option(names = "--json", description = "Print one JSON object instead of the text report.")
    boolean json;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the intervals, between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field separator, when detection guesses wrong: a character, or 'tab'.")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Character set when the file has no byte-order mark, e.g. windows-1252 (default: UTF-8 when it decodes).")
    String encoding;

    @Option(names = "--sample-rows", paramLabel = "N", hidden = true, defaultValue = "1000",
            description = "Rows read to detect the columns.")
    int sampleRows;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (!(confidence > 0 && confidence < 1)) {
            throw new CommandLine.ParameterException(cl, "--confidence must be between 0 and 1, e.g. 0.95 (got "
                    + confidence + ")");
        }
        if (sampleRows < 1) {
            throw new CommandLine.ParameterException(cl, "--sample-rows must be positive (got " + sampleRows + ")");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(cl, "--zone '" + zone + "' is not a time zone; use an id such as "
                    + "UTC, Europe/Berlin or America/New_York");
        }
        Character delimiterChar = null;
        if (delimiter != null) {
            String d = delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
            if (d.length() != 1 || d.equals("\"")) {
                throw new CommandLine.ParameterException(cl, "--delimiter must be one character other than a quote, "
                        + "or 'tab' (got '" + delimiter + "')");
            }
            delimiterChar = d.charAt(0);
        }
        Charset charset = null;
        if (encoding != null) {
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new CommandLine.ParameterException(cl, "--encoding '" + encoding + "' is not a known character "
                        + "set; use e.g. UTF-8 or windows-1252");
            }
        }
        if (!Files.exists(file)) {
            throw new NpsCommand.InputProblem("file not found: " + file + "; check the path (relative paths start at "
                    + Path.of("").toAbsolutePath() + ")");
        }
        if (Files.isDirectory(file)) {
            throw new NpsCommand.InputProblem(file + " is a directory; name the exported CSV file inside it");
        }
        if (!Files.isReadable(file)) {
            throw new NpsCommand.InputProblem("cannot read " + file + ": permission denied; check the file's permissions");
        }
        Analysis analysis;
        try {
            analysis = new ExportAnalyzer(sampleRows).analyze(file, file.toString(), charset, delimiterChar,
                    new ColumnDetector.Overrides(scoreCol, commentCol, dateCol, segments, dateFormat), zoneId, by);
        } catch (NoSuchFileException e) {
            throw new NpsCommand.InputProblem("file not found: " + file + "; check the path");
        } catch (AccessDeniedException e) {
            throw new NpsCommand.InputProblem("cannot read " + file + ": permission denied; check the file's permissions");
        } catch (IOException e) {
            throw new NpsCommand.InputProblem("cannot read " + file + ": " + e.getMessage()
                    + "; check that the file is a complete, readable export");
        }
        if (json) {
            new JsonReport(analysis, confidence, zoneId).write(cl.getOut());
        } else {
            new TextReport(analysis, confidence, zoneId, cl.getOut()).write();
        }
        return 0;
    }
}
