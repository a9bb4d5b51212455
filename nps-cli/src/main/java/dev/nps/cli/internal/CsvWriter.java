package dev.nps.cli.internal;

import dev.nps.api.NpsException;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes delimited text that {@link CsvReader} (and spreadsheets) read back unchanged.
 *
 * <p>Internal to the command-line tool; not an API. A field is quoted only when it holds the delimiter, a quote, a
 * line break or leading/trailing quote-like ambiguity; quotes inside are doubled. Records end with CRLF as RFC 4180
 * says.
 */
public final class CsvWriter {
    private final Writer out;
    private final char delimiter;
    private final String lineEnd;

    /**
     * @param out       where to write; not closed here
     * @param delimiter the field separator
     * @param lineEnd   the record terminator, {@code "\r\n"} or {@code "\n"}
     */
    public CsvWriter(Writer out, char delimiter, String lineEnd) {
        if (out == null) {
            throw NpsException.invalid("out", "must not be null");
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw NpsException.invalid("delimiter", "must not be a quote or a line break");
        }
        if (!"\r\n".equals(lineEnd) && !"\n".equals(lineEnd)) {
            throw NpsException.invalid("lineEnd", "must be \"\\r\\n\" or \"\\n\"");
        }
        this.out = out;
        this.delimiter = delimiter;
        this.lineEnd = lineEnd;
    }

    /**
     * Writes one record.
     *
     * @param fields the fields, none null
     * @throws IOException when writing fails
     */
    public void write(List<String> fields) throws IOException {
        if (fields.isEmpty()) {
            throw NpsException.invalid("fields", "a record needs at least one field");
        }
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            writeField(fields.get(i), fields.size() == 1);
        }
        out.write(lineEnd);
    }

    private void writeField(String value, boolean only) throws IOException {
        if (value == null) {
            throw NpsException.invalid("field", "must not be null; write \"\" for an empty field");
        }
        // A lone empty field would read back as a blank line, which readers skip; quoting keeps it a record.
        boolean quote = (only && value.isEmpty()) || value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
