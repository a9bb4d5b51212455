package dev.nps.cli.internal;

import dev.nps.api.NpsException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens an exported text file the way a person expects: byte-order mark honoured and skipped, UTF-8 unless the
 * bytes say otherwise, and the delimiter guessed from the first records.
 *
 * <p>Internal to the command-line tool; not an API.
 */
public final class TextSource {
    /** Bytes looked at to choose the encoding and the delimiter. {@value} */
    public static final int SNIFF_BYTES = 64 * 1024;
    /** Delimiters tried, in order of preference on a tie. */
    public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextSource() {}

    /**
     * How a file's bytes become text.
     *
     * @param charset  the character set
     * @param bomBytes length of the byte-order mark to skip
     * @param reason   how it was chosen, for the report
     */
    public record Encoding(Charset charset, int bomBytes, String reason) {}

    /**
     * Chooses the encoding: a byte-order mark wins, then the override, then UTF-8 when the first bytes decode as
     * UTF-8, else Windows-1252 (what spreadsheets on Windows write).
     *
     * @param file     the file
     * @param override a charset the user named, or null
     * @return the encoding
     * @throws IOException when the file cannot be read
     */
    public static Encoding detectEncoding(Path file, Charset override) throws IOException {
        byte[] head = readHead(file, SNIFF_BYTES);
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, 3, "UTF-8 with byte-order mark");
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Encoding(StandardCharsets.UTF_16LE, 2, "UTF-16LE with byte-order mark");
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Encoding(StandardCharsets.UTF_16BE, 2, "UTF-16BE with byte-order mark");
        }
        if (override != null) {
            return new Encoding(override, 0, override.name() + " (--encoding)");
        }
        return isUtf8(head)
                ? new Encoding(StandardCharsets.UTF_8, 0, "UTF-8")
                : new Encoding(WINDOWS_1252, 0, "windows-1252 (the first bytes are not valid UTF-8; --encoding settles it)");
    }

    /**
     * Opens the file as text, positioned after the byte-order mark. Undecodable bytes become U+FFFD rather than
     * stopping a long run.
     *
     * @param file     the file
     * @param encoding from {@link #detectEncoding}
     * @return a reader the caller closes
     * @throws IOException when the file cannot be opened
     */
    public static Reader open(Path file, Encoding encoding) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            long skipped = in.skip(encoding.bomBytes());
            if (skipped != encoding.bomBytes()) {
                throw new IOException("could not skip the byte-order mark");
            }
        } catch (IOException e) {
            in.close();
            throw e;
        }
        CharsetDecoder decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, decoder);
    }

    /**
     * Guesses the delimiter: the candidate that splits the header into at least two fields and the most
     * following records into the same number of fields.
     *
     * @param file     the file
     * @param encoding from {@link #detectEncoding}
     * @return the delimiter; {@code ','} when nothing splits the header
     * @throws IOException when the file cannot be read
     */
    public static char detectDelimiter(Path file, Encoding encoding) throws IOException {
        char[] chars = new char[SNIFF_BYTES];
        int n = 0;
        try (Reader r = open(file, encoding)) {
            int got;
            while (n < chars.length && (got = r.read(chars, n, chars.length - n)) > 0) {
                n += got;
            }
        }
        return detectDelimiter(new String(chars, 0, n), n == chars.length);
    }

    /**
     * @param sample    the start of the text
     * @param truncated whether the text goes on after the sample (its last record may be cut)
     * @return the delimiter; {@code ','} when nothing splits the header
     */
    public static char detectDelimiter(String sample, boolean truncated) {
        char best = ',';
        double bestConsistency = -1;
        int bestFields = 0;
        for (char candidate : DELIMITERS) {
            List<List<String>> records = new ArrayList<>();
            try (CsvReader reader = new CsvReader(new StringReader(sample), candidate)) {
                List<String> rec;
                while (records.size() < 50 && (rec = reader.next()) != null) {
                    records.add(rec);
                }
            } catch (NpsException | IOException e) {
                // The sample can end inside a quoted field; judge on the records read so far.
            }
            if (truncated && records.size() > 2) {
                records.remove(records.size() - 1);
            }
            if (records.isEmpty() || records.get(0).size() < 2) {
                continue;
            }
            int k = records.get(0).size();
            long same = records.stream().filter(r -> r.size() == k).count();
            double consistency = (double) same / records.size();
            if (consistency > bestConsistency + 1e-9 || (Math.abs(consistency - bestConsistency) < 1e-9 && k > bestFields)) {
                best = candidate;
                bestConsistency = consistency;
                bestFields = k;
            }
        }
        return best;
    }

    /** @return a printable name for a delimiter */
    public static String describe(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> "'" + delimiter + "'";
        };
    }

    private static boolean isUtf8(byte[] head) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(head.length + 1);
        // endOfInput=false: a character cut at the end of the sample is not an error.
        CoderResult result = decoder.decode(ByteBuffer.wrap(head), out, false);
        return !result.isError();
    }

    private static byte[] readHead(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }
}
