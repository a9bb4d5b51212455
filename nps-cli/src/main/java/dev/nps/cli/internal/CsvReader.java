package dev.nps.cli.internal;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming reader of delimited text (RFC 4180 and the dialects survey tools export): one record at a time,
 * never the whole file.
 *
 * <p>Internal to the command-line tool; not an API. Quoted fields may hold the delimiter, doubled quotes and line
 * breaks; line breaks are LF, CRLF or a lone CR. Blank lines are skipped. A quote inside an unquoted field, and
 * text after a closing quote, are kept literally rather than rejected, because exports from spreadsheets do that.
 * Each record knows the physical line it starts on, so problems can be reported where a person will look.
 */
public final class CsvReader implements Closeable {
    /** Default bound on one field, so an unbalanced quote cannot swallow a file larger than memory. {@value} */
    public static final int DEFAULT_MAX_FIELD_CHARS = 1_000_000;
    /** Bound on the fields of one record. {@value} */
    public static final int MAX_FIELDS = 10_000;

    private static final int NONE = -2;

    private final Reader in;
    private final char delimiter;
    private final int maxFieldChars;
    private final char[] buffer = new char[16 * 1024];
    private int pos;
    private int limit;
    private int pushedBack = NONE;
    private long line = 1;
    private long recordLine;
    private boolean eof;

    /**
     * @param in        the text, already decoded; closed by {@link #close()}
     * @param delimiter the field separator, e.g. {@code ','}, {@code ';'} or a tab; never a quote or line break
     */
    public CsvReader(Reader in, char delimiter) {
        this(in, delimiter, DEFAULT_MAX_FIELD_CHARS);
    }

    /**
     * @param in            the text, already decoded; closed by {@link #close()}
     * @param delimiter     the field separator; never a quote or line break
     * @param maxFieldChars longest field accepted
     */
    public CsvReader(Reader in, char delimiter, int maxFieldChars) {
        if (in == null) {
            throw NpsException.invalid("in", "must not be null");
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw NpsException.invalid("delimiter", "must not be a quote or a line break (got " + (int) delimiter + ")");
        }
        if (maxFieldChars < 1) {
            throw NpsException.invalid("maxFieldChars", "must be positive (got " + maxFieldChars + ")");
        }
        this.in = in;
        this.delimiter = delimiter;
        this.maxFieldChars = maxFieldChars;
    }

    /**
     * Reads the next record.
     *
     * @return the fields of the next non-blank record, or null at the end of the text
     * @throws IOException   when reading fails
     * @throws NpsException  ({@link ErrorCode#INVALID_ARGUMENT}) when a quoted field never closes or a field or
     *                       record exceeds its bound; the message names the line
     */
    public List<String> next() throws IOException {
        StringBuilder field = new StringBuilder();
        while (true) {
            if (eof) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>();
            field.setLength(0);
            boolean inQuotes = false;
            boolean fieldQuoted = false;
            long quoteLine = line;
            boolean sawAnything = false;
            while (true) {
                int c = read();
                if (c == -1) {
                    eof = true;
                    if (inQuotes) {
                        throw new NpsException(ErrorCode.INVALID_ARGUMENT, "the quoted field that starts on line "
                                + quoteLine + " is never closed; check for a missing '\"' on that line");
                    }
                    if (!sawAnything) {
                        return null;
                    }
                    fields.add(field.toString());
                    return fields;
                }
                sawAnything = true;
                if (inQuotes) {
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            field.append('"');
                        } else {
                            inQuotes = false;
                        }
                        continue;
                    }
                    if (c == '\n' || (c == '\r' && peek() != '\n')) {
                        line++;
                    }
                    append(field, (char) c);
                    continue;
                }
                if (c == delimiter) {
                    addField(fields, field);
                    fieldQuoted = false;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && peek() == '\n') {
                        read();
                    }
                    line++;
                    break;
                }
                if (c == '"' && field.length() == 0 && !fieldQuoted) {
                    inQuotes = true;
                    fieldQuoted = true;
                    quoteLine = line;
                    continue;
                }
                append(field, (char) c);
            }
            if (fields.isEmpty() && field.length() == 0 && !fieldQuoted) {
                continue; // a blank line is not a record
            }
            fields.add(field.toString());
            return fields;
        }
    }

    /** @return the physical line (1-based) on which the record last returned by {@link #next()} starts */
    public long recordLine() {
        return recordLine;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void addField(List<String> fields, StringBuilder field) {
        if (fields.size() >= MAX_FIELDS) {
            throw new NpsException(ErrorCode.INVALID_ARGUMENT, "the record on line " + recordLine + " has more than "
                    + MAX_FIELDS + " fields; is the delimiter right?");
        }
        fields.add(field.toString());
        field.setLength(0);
    }

    private void append(StringBuilder field, char c) {
        if (field.length() >= maxFieldChars) {
            throw new NpsException(ErrorCode.INVALID_ARGUMENT, "a field of the record on line " + recordLine
                    + " is longer than " + maxFieldChars + " characters; check for an unbalanced '\"'");
        }
        field.append(c);
    }

    private int read() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        if (pos == limit) {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return -1;
            }
            pos = 0;
            limit = n;
        }
        return buffer[pos++];
    }

    private int peek() throws IOException {
        if (pushedBack == NONE) {
            pushedBack = read();
        }
        return pushedBack;
    }
}
