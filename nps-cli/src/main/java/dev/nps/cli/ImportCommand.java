package dev.nps.cli;

import dev.nps.engine.NpsEngine;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nps import FILE --store URL}: loads a CSV export or a Delighted JSON export into a store, idempotently. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
            "Load a survey export into a store: a CSV from any tool (columns detected as in nps analyze) or a",
            "Delighted JSON export. Importing the same file again stores nothing new; skipped rows are listed with why."},
        footer = {"", "Exit codes: 0 ok, 1 unexpected failure, 2 bad usage or unusable input."})
final class ImportCommand implements Callable<Integer> {
    enum Format { AUTO, CSV, DELIGHTED }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export: .csv (or ; / tab separated) or Delighted .json.")
    Path file;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--survey", paramLabel = "ID", defaultValue = "imported",
            description = "Survey the responses belong to; created when missing (default: ${DEFAULT-VALUE}).")
    String survey;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, csv or delighted (default: ${DEFAULT-VALUE}: JSON is Delighted, anything else CSV).")
    Format format;

    @Option(names = "--id-col", paramLabel = "NAME",
            description = "CSV column with a unique response id; without it a row's id is a hash of its content.")
    String idCol;

    @Option(names = "--score-col", paramLabel = "NAME") String scoreCol;
    @Option(names = "--comment-col", paramLabel = "NAME") String commentCol;
    @Option(names = "--date-col", paramLabel = "NAME") String dateCol;
    @Option(names = "--segment", paramLabel = "NAME", description = "Segment column (repeatable); replaces the detected ones.")
    List<String> segments = new ArrayList<>();
    @Option(names = "--date-format", paramLabel = "PATTERN") String dateFormat;
    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of dates without an offset (default: ${DEFAULT-VALUE}).")
    String zone;
    @Option(names = "--delimiter", paramLabel = "CHAR") String delimiter;
    @Option(names = "--encoding", paramLabel = "CHARSET") String encoding;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (!Files.isRegularFile(file)) {
            throw new NpsCommand.InputProblem((Files.isDirectory(file) ? file + " is a directory" : "file not found: " + file)
                    + "; name the exported file");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(cl, "--zone '" + zone + "' is not a time zone; use e.g. UTC or Europe/Berlin");
        }
        Character delimiterChar = null;
        if (delimiter != null) {
            String d = delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
            if (d.length() != 1 || d.equals("\"")) {
                throw new CommandLine.ParameterException(cl, "--delimiter must be one character other than a quote, or 'tab'");
            }
            delimiterChar = d.charAt(0);
        }
        Charset charset = null;
        if (encoding != null) {
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new CommandLine.ParameterException(cl, "--encoding '" + encoding + "' is not a known character set");
            }
        }
        boolean delighted = format == Format.DELIGHTED || format == Format.AUTO && looksLikeJson(file);
        try (NpsEngine engine = store.open(clock)) {
            Importer importer = new Importer(engine, dev.nps.api.internal.Checks.id(survey, "--survey"));
            if (delighted) {
                new DelightedImport().run(importer, file);
            } else {
                new CsvImport(ExportAnalyzer.DEFAULT_SAMPLE_ROWS).run(importer, file, charset, delimiterChar,
                        new ColumnDetector.Overrides(scoreCol, commentCol, dateCol, segments, dateFormat), zoneId, idCol);
            }
            importer.print(cl.getOut(), file + (delighted ? " (Delighted JSON)" : " (CSV)"), store.describe());
        } catch (IOException e) {
            throw new NpsCommand.InputProblem("cannot read " + file + ": " + e.getClass().getSimpleName()
                    + "; check that the file is a complete, readable export");
        }
        return 0;
    }

    private static boolean looksLikeJson(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return true;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            for (byte b : head) {
                if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                    return b == '{' || b == '[';
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
