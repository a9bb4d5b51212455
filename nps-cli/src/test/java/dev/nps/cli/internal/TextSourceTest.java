package dev.nps.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSourceTest {
    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        Path p = dir.resolve("f.csv");
        Files.write(p, bytes);
        return p;
    }

    private static String readAll(Path p, TextSource.Encoding e) throws IOException {
        try (Reader r = TextSource.open(p, e)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[256];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        }
    }

    @Test
    void skipsAUtf8ByteOrderMark() throws IOException {
        byte[] body = "score\n9\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Path p = write(bytes);
        TextSource.Encoding e = TextSource.detectEncoding(p, null);
        assertThat(e.bomBytes()).isEqualTo(3);
        assertThat(readAll(p, e)).isEqualTo("score\n9\n");
    }

    @Test
    void readsUtf16WithByteOrderMark() throws IOException {
        byte[] body = "a\tb\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Path p = write(bytes);
        TextSource.Encoding e = TextSource.detectEncoding(p, null);
        assertThat(e.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(readAll(p, e)).isEqualTo("a\tb\n");
        assertThat(TextSource.detectDelimiter(p, e)).isEqualTo('\t');
    }

    @Test
    void fallsBackToWindows1252WhenTheBytesAreNotUtf8() throws IOException {
        Path p = write(new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
        TextSource.Encoding e = TextSource.detectEncoding(p, null);
        assertThat(e.charset().name()).isEqualTo("windows-1252");
        assertThat(readAll(p, e)).isEqualTo("café\n");
    }

    @Test
    void detectsSemicolonsEvenWhenCommentsHoldCommas() {
        String sample = "id;score;comment\n1;9;great, fast, cheap\n2;3;slow, and, buggy, really\n";
        assertThat(TextSource.detectDelimiter(sample, false)).isEqualTo(';');
    }

    @Test
    void detectsTabs() {
        assertThat(TextSource.detectDelimiter("id\tscore\tplan\n1\t9\tpro\n", false)).isEqualTo('\t');
    }

    @Test
    void detectsCommasWhenQuotedFieldsHoldSemicolons() {
        String sample = "id,score,comment\n1,9,\"a; b; c\"\n2,8,\"x;y\"\n";
        assertThat(TextSource.detectDelimiter(sample, false)).isEqualTo(',');
    }

    @Test
    void defaultsToCommaForASingleColumn() {
        assertThat(TextSource.detectDelimiter("score\n9\n10\n", false)).isEqualTo(',');
    }
}
