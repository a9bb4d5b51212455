package dev.nps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.NpsException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnDetectorTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static Columns detect(List<String> headers, List<List<String>> rows) {
        return new ColumnDetector(headers, rows, UTC).detect(ColumnDetector.Overrides.none());
    }

    private static List<List<String>> rows(String... csvRows) {
        List<List<String>> out = new ArrayList<>();
        for (String r : csvRows) {
            out.add(List.of(r.split("\\|", -1)));
        }
        return out;
    }

    @Test
    void findsTheScoreByAHeaderInsideALongQuestion() {
        Columns c = detect(List.of("Id", "How likely are you to Recommend us to a friend?", "Other"),
                rows("1|9|3", "2|10|4", "3|ten|5"));
        assertThat(c.score()).isEqualTo(1);
        assertThat(c.scoreWhy()).contains("header");
    }

    @Test
    void prefersANumericScoreHeaderOverATextOneNamingNps() {
        Columns c = detect(List.of("NPS category", "NPS score"),
                rows("Promoter|9", "Detractor|3", "Passive|7"));
        assertThat(c.score()).isEqualTo(1);
    }

    @Test
    void fallsBackToTheColumnOfWholeNumbersZeroToTen() {
        Columns c = detect(List.of("Response ID", "q1", "Plan"),
                rows("1|0|a", "2|10|b", "3|7|a", "4|5|b"));
        assertThat(c.score()).isEqualTo(1);
        assertThat(c.scoreWhy()).contains("whole numbers 0-10");
    }

    @Test
    void toleratesExtraHeaderRowsAboveTheDataWhenFallingBack() {
        Columns c = detect(List.of("Q1", "Q2"), rows("How likely are you to recommend us?|Which plan?",
                "{\"ImportId\":\"QID1\"}|{\"ImportId\":\"QID2\"}", "9|Pro", "3|Free", "10|Pro", "7|Free", "8|Pro"));
        assertThat(c.score()).isEqualTo(0);
    }

    @Test
    void prefersTheZeroToTenColumnUsingMostOfTheScaleOverAOneToFiveOne() {
        Columns c = detect(List.of("Q1", "Q2"), rows("3|9", "5|0", "4|7", "1|10", "2|4", "5|8"));
        assertThat(c.score()).isEqualTo(1);
    }

    @Test
    void failsListingTheHeadersWhenNoColumnHoldsScores() {
        assertThatThrownBy(() -> detect(List.of("Name", "Comment"), rows("a|great stuff", "b|bad")))
                .isInstanceOf(NpsException.class)
                .hasMessageContaining("no score column")
                .hasMessageContaining("\"Name\", \"Comment\"")
                .hasMessageContaining("--score-col");
    }

    @Test
    void findsIsoDateTimesWithAndWithoutOffset() {
        Columns c = detect(List.of("score", "Submitted at"),
                rows("9|2024-03-05T14:22:10Z", "8|2024-03-06T01:00:00+02:00", "7|2024-03-07 10:00", "6|2024-03-08"));
        assertThat(c.date()).isEqualTo(1);
        assertThat(c.dateFormat()).isEqualTo(DateFormat.ISO);
        assertThat(c.dateFormat().toDate("2024-03-06T01:00:00+02:00", UTC)).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(c.dateFormat().toDate("2024-03-06T01:00:00.123+0200", UTC)).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(c.dateFormat().toDate("2024-03-05T23:30:00Z", ZoneId.of("Europe/Berlin"))).isEqualTo(LocalDate.of(2024, 3, 6));
    }

    @Test
    void prefersTheDateSayingWhenTheAnswerCameIn() {
        Columns c = detect(List.of("Sent date", "score", "StartDate", "EndDate"),
                rows("2024-03-01|9|2024-03-05 10:00|2024-03-05 10:02", "2024-03-01|7|2024-03-06 10:00|2024-03-06 10:01"));
        assertThat(c.date()).isEqualTo(3);
        assertThat(c.dateWhy()).contains("e.g. '2024-03-05 10:02'");
    }

    @Test
    void aValueThatFitsOnlyOneReadingSettlesDayFirstOrMonthFirst() {
        List<List<String>> r = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            r.add(List.of("9", String.format("%02d/01/2024", i)));
        }
        r.add(List.of("9", "13/01/2024"));
        Columns c = detect(List.of("score", "date"), r);
        assertThat(c.dateFormat()).isEqualTo(DateFormat.DAY_FIRST);
        assertThat(c.dateWhy()).doesNotContain("fits both");
    }

    @Test
    void readsDayFirstWithTimeWhenADayAboveTwelveSettlesIt() {
        Columns c = detect(List.of("score", "when"), rows("9|03/04/2024 10:15", "8|25/04/2024 23:59"));
        assertThat(c.dateFormat()).isEqualTo(DateFormat.DAY_FIRST);
        assertThat(c.dateWhy()).doesNotContain("fits both");
        assertThat(c.dateFormat().toDate("25/04/2024 23:59", UTC)).isEqualTo(LocalDate.of(2024, 4, 25));
    }

    @Test
    void readsMonthFirstWhenADayAboveTwelveSettlesIt() {
        Columns c = detect(List.of("score", "date"), rows("9|03/04/2024", "8|04/25/2024", "7|4/26/2024 2:05 PM"));
        assertThat(c.dateFormat()).isEqualTo(DateFormat.MONTH_FIRST);
    }

    @Test
    void choosesMonthFirstByDateOrderWhenBothFitAndSaysSo() {
        // Read month first these are consecutive days; read day first they jump a month at a time.
        Columns c = detect(List.of("score", "date"), rows("9|03/01/2024", "8|03/02/2024", "7|03/03/2024", "6|03/04/2024"));
        assertThat(c.dateFormat()).isEqualTo(DateFormat.MONTH_FIRST);
        assertThat(c.dateWhy()).contains("fits both").contains("chose MM/dd/yyyy").contains("--date-format dd/MM/yyyy");
    }

    @Test
    void choosesDayFirstByDateOrderWhenBothFit() {
        Columns c = detect(List.of("score", "date"), rows("9|01/03/2024", "8|02/03/2024", "7|03/03/2024"));
        assertThat(c.dateFormat()).isEqualTo(DateFormat.DAY_FIRST);
        assertThat(c.dateWhy()).contains("chose dd/MM/yyyy").contains("--date-format MM/dd/yyyy");
    }

    @Test
    void findsTheCommentAsTheLongFreeText() {
        Columns c = detect(List.of("score", "plan", "What could we improve?"),
                rows("9|pro|The onboarding was quick and the team helped a lot",
                        "3|free|Export keeps failing, support never answered",
                        "7|pro|",
                        "8|free|Fine overall but the app is slow on Mondays"));
        assertThat(c.comment()).isEqualTo(2);
        assertThat(c.segments()).containsExactly(1);
    }

    @Test
    void findsSegmentsButNotIdsNumbersOrDates() {
        List<List<String>> r = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            r.add(List.of("R" + i, String.valueOf(i % 11), i % 3 == 0 ? "Free" : i % 3 == 1 ? "Pro" : "Enterprise",
                    i % 2 == 0 ? "EMEA" : "NA", String.valueOf(i % 4), "2024-01-" + String.format("%02d", i % 28 + 1),
                    "x" + i + "@example.com".substring(0, i % 2)));
        }
        Columns c = detect(List.of("Response", "Score", "Plan", "Region", "Store number", "Date", "Email"), r);
        assertThat(c.segments()).containsExactly(2, 3);
        assertThat(c.date()).isEqualTo(5);
    }

    @Test
    void excludesAColumnOfUniqueValuesFromSegments() {
        Columns c = detect(List.of("score", "ref"), rows("9|a", "8|b", "7|c", "6|d"));
        assertThat(c.segments()).isEmpty();
    }

    @Test
    void overridesWinAndAreMatchedIgnoringCase() {
        List<String> headers = List.of("A", "B", "C", "D", "E");
        List<List<String>> r = rows("9|5|x|01/02/2024|some words here", "8|6|y|02/02/2024|other words there");
        Columns c = new ColumnDetector(headers, r, UTC).detect(
                new ColumnDetector.Overrides("b", "c", "d", List.of("a", "E"), "dd/MM/yyyy"));
        assertThat(c.score()).isEqualTo(1);
        assertThat(c.comment()).isEqualTo(2);
        assertThat(c.date()).isEqualTo(3);
        assertThat(c.dateFormat().toDate("01/02/2024", UTC)).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(c.segments()).containsExactly(0, 4);
    }

    @Test
    void anOverrideNamingNoColumnListsTheHeaders() {
        assertThatThrownBy(() -> new ColumnDetector(List.of("x", "y"), rows("1|2"), UTC).detect(
                new ColumnDetector.Overrides("nps", null, null, List.of(), null)))
                .isInstanceOf(NpsException.class)
                .hasMessageContaining("--score-col 'nps' is not a column")
                .hasMessageContaining("\"x\", \"y\"");
    }

    @Test
    void aDateFormatThatFitsTheDateColumnSettlesAnAmbiguity() {
        Columns c = new ColumnDetector(List.of("score", "date"), rows("9|03/01/2024", "8|03/02/2024"), UTC)
                .detect(new ColumnDetector.Overrides(null, null, null, List.of(), "dd/MM/yyyy"));
        assertThat(c.dateFormat().toDate("03/02/2024", UTC)).isEqualTo(LocalDate.of(2024, 2, 3));
        assertThat(c.dateWhy()).doesNotContain("fits both");
    }

    @Test
    void rejectsAnInvalidDatePattern() {
        assertThatThrownBy(() -> new ColumnDetector(List.of("score"), rows("9"), UTC)
                .detect(new ColumnDetector.Overrides(null, null, null, List.of(), "dd/MM/yyyyq{")))
                .isInstanceOf(NpsException.class).hasMessageContaining("--date-format");
    }
}
