package dev.nps.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CsvRoundTripProperties {

    @Property(tries = 500)
    void recordsSurviveAWriteAndARead(@ForAll("records") List<List<String>> records, @ForAll("delimiters") char delimiter,
                                      @ForAll("lineEnds") String lineEnd) throws IOException {
        StringWriter text = new StringWriter();
        CsvWriter writer = new CsvWriter(text, delimiter, lineEnd);
        for (List<String> r : records) {
            writer.write(r);
        }
        List<List<String>> read = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(text.toString()), delimiter)) {
            List<String> r;
            while ((r = reader.next()) != null) {
                read.add(r);
            }
        }
        assertThat(read).isEqualTo(records);
    }

    @Property(tries = 200)
    void recordLineCountsThePhysicalLinesBeforeIt(@ForAll("records") List<List<String>> records) throws IOException {
        StringWriter text = new StringWriter();
        CsvWriter writer = new CsvWriter(text, ',', "\r\n");
        List<Long> expected = new ArrayList<>();
        long line = 1;
        for (List<String> r : records) {
            expected.add(line);
            StringWriter one = new StringWriter();
            new CsvWriter(one, ',', "\r\n").write(r);
            writer.write(r);
            String s = one.toString();
            // Every LF, and every CR not followed by LF, ends a physical line.
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                    line++;
                }
            }
        }
        List<Long> actual = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(text.toString()), ',')) {
            while (reader.next() != null) {
                actual.add(reader.recordLine());
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<List<String>>> records() {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab ,;\t\"\r\n'é9").ofMaxLength(12),
                Arbitraries.strings().alpha().ofMaxLength(5),
                Arbitraries.strings().all().ofMaxLength(8));
        return field.list().ofMinSize(1).ofMaxSize(6).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Character> delimiters() {
        return Arbitraries.of(',', ';', '\t', '|');
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\r\n", "\n");
    }
}
