package dev.nps.cli;

import dev.nps.cli.internal.CsvReader;
import dev.nps.cli.internal.TextSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads a CSV export with the columns {@code nps analyze} detects (score, date, comment, segments). */
final class CsvImport {
    private final int sampleRows;

    CsvImport(int sampleRows) {
        this.sampleRows = sampleRows;
    }

    void run(Importer importer, Path file, Charset charset, Character delimiterOverride, ColumnDetector.Overrides overrides,
             ZoneId zone, String idCol) throws IOException {
        TextSource.Encoding encoding = TextSource.detectEncoding(file, charset);
        char delimiter = delimiterOverride != null ? delimiterOverride : TextSource.detectDelimiter(file, encoding);
        List<String> headers;
        List<List<String>> sample = new ArrayList<>();
        try (CsvReader reader = new CsvReader(TextSource.open(file, encoding), delimiter)) {
            List<String> raw = reader.next();
            if (raw == null) {
                throw new NpsCommand.InputProblem(file + " is empty; export the responses with a header row");
            }
            headers = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                String h = raw.get(i).strip();
                headers.add(h.isEmpty() ? "column " + (i + 1) : h);
            }
            List<String> row;
            while (sample.size() < sampleRows && (row = reader.next()) != null) {
                sample.add(row);
            }
        }
        Columns columns = new ColumnDetector(headers, sample, zone).detect(overrides);
        int idColumn = -1;
        if (idCol != null) {
            idColumn = headers.indexOf(idCol);
            if (idColumn < 0) {
                throw new NpsCommand.InputProblem("--id-col '" + idCol + "' is not a header of " + file + "; headers: " + headers);
            }
        }
        Map<Integer, String> segmentKeys = new LinkedHashMap<>();
        for (int s : columns.segments()) {
            Importer.attributeKey(headers.get(s)).ifPresent(k -> segmentKeys.put(s, k));
        }
        Map<String, Integer> seen = new HashMap<>();
        try (Reader text = TextSource.open(file, encoding); CsvReader reader = new CsvReader(text, delimiter)) {
            reader.next();
            List<String> row;
            while ((row = reader.next()) != null) {
                importer.read++;
                long line = reader.recordLine();
                ScoreReading reading = columns.score() < row.size() ? ScoreReading.of(row.get(columns.score()))
                        : new ScoreReading(-1, "score cell is missing (short row)");
                if (!reading.valid()) {
                    importer.skip(line, "score: " + reading.problem());
                    continue;
                }
                Instant at;
                if (columns.date() >= 0) {
                    String raw = columns.date() < row.size() ? row.get(columns.date()) : "";
                    LocalDate day = raw.isBlank() ? null : columns.dateFormat().toDate(raw, zone);
                    if (day == null) {
                        importer.skip(line, raw.isBlank() ? "date is blank" : "date is not readable as "
                                + columns.dateFormat().shortName() + " (pass --date-format)");
                        continue;
                    }
                    at = day.atStartOfDay(zone).toInstant();
                } else {
                    at = importer.undatedTime();
                    importer.undated++;
                }
                String key;
                if (idColumn >= 0) {
                    String id = idColumn < row.size() ? row.get(idColumn).strip() : "";
                    if (id.isEmpty()) {
                        importer.skip(line, "id column is blank");
                        continue;
                    }
                    key = "id:" + id;
                } else {
                    // The row's content, plus how many identical rows came before it, so a re-export in another
                    // order maps every row to the same id and two identical answers stay two.
                    String content = String.join("\u001f", row);
                    int n = seen.merge(content, 1, Integer::sum);
                    key = "row:" + content + "\u001e" + n;
                }
                Map<String, String> attributes = new LinkedHashMap<>();
                for (Map.Entry<Integer, String> e : segmentKeys.entrySet()) {
                    int c = e.getKey();
                    String v = c < row.size() ? row.get(c).strip() : "";
                    if (!v.isEmpty()) {
                        attributes.put(e.getValue(), v);
                    }
                }
                Optional<String> comment = columns.comment() >= 0 && columns.comment() < row.size()
                        ? Optional.of(row.get(columns.comment()).strip()) : Optional.empty();
                importer.record(line, key, reading.score(), comment, at, Optional.empty(), attributes);
            }
        }
    }
}
