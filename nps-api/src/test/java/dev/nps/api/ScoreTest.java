package dev.nps.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreTest {

    @Test
    void categorisesScoresAsPublished() {
        for (int s = 0; s <= 6; s++) {
            assertThat(Score.of(s).category()).isEqualTo(Category.DETRACTOR);
        }
        assertThat(Score.of(7).category()).isEqualTo(Category.PASSIVE);
        assertThat(Score.of(8).category()).isEqualTo(Category.PASSIVE);
        assertThat(Score.of(9).category()).isEqualTo(Category.PROMOTER);
        assertThat(Score.of(10).category()).isEqualTo(Category.PROMOTER);
    }

    @Test
    void zeroIsADetractorNotABlank() {
        assertThat(Score.parse("0").category()).isEqualTo(Category.DETRACTOR);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsScoresOutsideZeroToTen(int value) {
        assertThatThrownBy(() -> Score.of(value))
                .isInstanceOf(NpsException.class)
                .hasMessageContaining("0..10")
                .extracting(e -> ((NpsException) e).code()).isEqualTo(ErrorCode.INVALID_SCORE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.5", "ten", "", "  ", "-1", "11", "+5", "1e1", "０"})
    void parseRejectsAnythingButAnIntegerZeroToTen(String text) {
        assertThatThrownBy(() -> Score.parse(text))
                .isInstanceOf(NpsException.class)
                .extracting(e -> ((NpsException) e).code()).isEqualTo(ErrorCode.INVALID_SCORE);
    }

    @Test
    void parseRejectsNull() {
        assertThatThrownBy(() -> Score.parse(null)).isInstanceOf(NpsException.class);
    }

    @Test
    void parseToleratesSurroundingSpaces() {
        assertThat(Score.parse(" 10 ").value()).isEqualTo(10);
    }

    @Test
    void messageForLongGarbageDoesNotEchoIt() {
        String garbage = "x".repeat(500);
        assertThatThrownBy(() -> Score.parse(garbage)).hasMessageNotContaining(garbage).hasMessageContaining("500 characters");
    }

    @Property
    void everyValidScoreRoundTripsThroughText(@ForAll @IntRange(min = 0, max = 10) int value) {
        assertThat(Score.parse(Integer.toString(value))).isEqualTo(Score.of(value));
    }
}
