package dev.nps.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.NpsException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<List<String>> readAll(String text, char delimiter) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(new StringReader(text), delimiter)) {
            List<String> rec;
            while ((rec = r.next()) != null) {
                out.add(rec);
            }
        }
        return out;
    }

    private static List<Long> lines(String text) throws IOException {
        List<Long> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(new StringReader(text), ',')) {
            while (r.next() != null) {
                out.add(r.recordLine());
            }
        }
        return out;
    }

    @Test
    void splitsPlainFields() throws IOException {
        assertThat(readAll("a,b,c\n1,2,3\n", ',')).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    }

    @Test
    void keepsDelimitersDoubledQuotesAndNewlinesInsideQuotes() throws IOException {
        String text = "id,comment\n1,\"Fast, cheap; and \"\"good\"\"\"\n2,\"line one\nline two\"\n";
        assertThat(readAll(text, ',')).containsExactly(List.of("id", "comment"),
                List.of("1", "Fast, cheap; and \"good\""), List.of("2", "line one\nline two"));
    }

    @Test
    void readsCrlfAndLoneCrAsLineBreaks() throws IOException {
        assertThat(readAll("a,b\r\n1,2\r3,4\r\n", ',')).containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void keepsCrlfInsideQuotedFieldsVerbatim() throws IOException {
        assertThat(readAll("a\r\n\"x\r\ny\"\r\n", ',')).containsExactly(List.of("a"), List.of("x\r\ny"));
    }

    @Test
    void readsSemicolonAndTabDelimiters() throws IOException {
        assertThat(readAll("a;b\n\"1;2\";3\n", ';')).containsExactly(List.of("a", "b"), List.of("1;2", "3"));
        assertThat(readAll("a\tb\n1,5\t3\n", '\t')).containsExactly(List.of("a", "b"), List.of("1,5", "3"));
    }

    @Test
    void keepsEmptyFieldsAndTrailingDelimiter() throws IOException {
        assertThat(readAll("a,,c,\n", ',')).containsExactly(List.of("a", "", "c", ""));
    }

    @Test
    void skipsBlankLinesButNotAQuotedEmptyField() throws IOException {
        assertThat(readAll("a\n\n\"\"\n\r\nb", ',')).containsExactly(List.of("a"), List.of(""), List.of("b"));
    }

    @Test
    void readsALastRecordWithoutLineBreak() throws IOException {
        assertThat(readAll("a,b\n1,2", ',')).containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void reportsThePhysicalLineWhereEachRecordStarts() throws IOException {
        // header on 1; record on 2 spans lines 2-4; blank line 5; record on 6; CRLF counts once.
        String text = "h1,h2\r\n1,\"a\r\nb\nc\"\r\n\r\n2,x\r\n3,\"\"\"q\"\"\"\n";
        assertThat(lines(text)).containsExactly(1L, 2L, 6L, 7L);
    }

    @Test
    void keepsAStrayQuoteInsideAnUnquotedFieldLiterally() throws IOException {
        assertThat(readAll("5\" screen,ok\n", ',')).containsExactly(List.of("5\" screen", "ok"));
    }

    @Test
    void namesTheLineOfAQuoteThatNeverCloses() {
        assertThatThrownBy(() -> readAll("a,b\n1,2\n3,\"never closed\n4,5\n", ','))
                .isInstanceOf(NpsException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("never closed");
    }

    @Test
    void boundsAFieldSoAnUnbalancedQuoteCannotFillMemory() {
        String text = "a\n\"" + "x".repeat(200);
        assertThatThrownBy(() -> {
            try (CsvReader r = new CsvReader(new StringReader(text), ',', 100)) {
                while (r.next() != null) {
                    // read on
                }
            }
        }).isInstanceOf(NpsException.class).hasMessageContaining("line 2").hasMessageContaining("longer than 100");
    }

    @Test
    void rejectsAQuoteAsDelimiter() {
        assertThatThrownBy(() -> new CsvReader(new StringReader(""), '"')).isInstanceOf(NpsException.class)
                .hasMessageContaining("delimiter");
    }

    @Test
    void readsRecordsAcrossItsInternalBufferBoundary() throws IOException {
        StringBuilder text = new StringBuilder("n,comment\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",\"a, \"\"b\"\"\r\nc\"\r\n");
        }
        List<List<String>> all = readAll(text.toString(), ',');
        assertThat(all).hasSize(5001);
        assertThat(all.subList(1, all.size())).allSatisfy(r -> assertThat(r.get(1)).isEqualTo("a, \"b\"\r\nc"));
    }
}
