package dev.nps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreReadingTest {

    @ParameterizedTest
    @CsvSource({"0,0", "10,10", "' 7 ',7", "7.0,7", "09,9", "+8,8"})
    void readsWholeNumbersZeroToTen(String raw, int expected) {
        assertThat(ScoreReading.of(raw).valid()).isTrue();
        assertThat(ScoreReading.of(raw).score()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "11", "100", "99999999999999999999"})
    void rejectsWholeNumbersOutsideZeroToTen(String raw) {
        assertThat(ScoreReading.of(raw).problem()).contains("outside 0-10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.5", "7,5", ".5"})
    void rejectsFractions(String raw) {
        assertThat(ScoreReading.of(raw).problem()).contains("not a whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "N/A", "9 - very likely"})
    void rejectsWords(String raw) {
        assertThat(ScoreReading.of(raw).problem()).contains("not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void reportsBlankAsBlankNotAsZero(String raw) {
        assertThat(ScoreReading.of(raw).valid()).isFalse();
        assertThat(ScoreReading.of(raw).problem()).isEqualTo("score is blank");
    }
}
