package dev.nps.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThemeTaggerTest {
    // stems, as the tagger matches them
    private final ThemeTagger tagger = new ThemeTagger(List.of("mine", "food", "service"),
            List.of(Set.of("parcel"), Set.of("pizza", "order"), Set.of("waiter", "rude")),
            Map.of("pizza", 3.0, "waiter", 3.0, "rude", 3.0, "order", 0.5), 1);

    @Test
    void dropsAPassingWordOfASecondTheme() {
        assertThat(tagger.tag("We placed our order and the waiter was rude")).containsExactly("service");
    }

    @Test
    void keepsSecondThemesThatAreMentionedInEarnest() {
        assertThat(tagger.tag("The pizza was cold and the waiter was rude")).containsExactly("service", "food");
    }

    @Test
    void keepsAUserThemeWhateverItsScore() {
        assertThat(tagger.tag("The waiter was rude and the parcel lost")).containsExactly("mine", "service");
    }

    @Test
    void onEqualEvidenceTheNarrowerBuiltInTopicComesFirst() {
        // "food" is mentioned in 900 comments of the batch, "price" in 120; "visit" is not a built-in topic
        ThemeTagger t = new ThemeTagger(List.of("mine", "food", "price", "visit"),
                List.of(Set.of("parcel"), Set.of("pizza", "crust"), Set.of("cheap"), Set.of("visit")),
                Map.of("pizza", 3.0, "cheap", 3.0), 1, new int[] {0, 900, 120, 0});
        assertThat(t.tag("Cheap pizza")).containsExactly("price", "food");
        assertThat(t.tag("Pizza, cheap")).containsExactly("price", "food");
        // a clearer remark still wins, and user themes keep their place
        assertThat(t.tag("Pizza with a thin crust, cheap")).containsExactly("food", "price");
        assertThat(t.tag("Cheap pizza in a parcel")).containsExactly("mine", "price", "food");
        // a theme that is not a built-in topic gets no such preference: the model order stands
        ThemeTagger plain = new ThemeTagger(List.of("food", "visit"), List.of(Set.of("pizza"), Set.of("visit")),
                Map.of(), 0, new int[] {900, 0});
        assertThat(plain.tag("Our visit, the pizza")).containsExactly("food", "visit");
    }

    @Test
    void idiomsAndStemCollisionsDoNotNameATopic() {
        ThemeModel builtin = ThemeModel.builtin();
        assertThat(builtin.tag("No big deal, we came back for good reason")).doesNotContain("price");
        assertThat(builtin.tag("Well worth the trip")).doesNotContain("price");
        assertThat(builtin.tag("Prices are reasonable")).contains("price");
    }

    @Test
    void commonWordsOfTheTopicsAreInTheTopicMap() {
        ThemeModel builtin = ThemeModel.builtin();
        assertThat(builtin.tag("We were treated like royalty")).containsExactly("customer service");
        assertThat(builtin.tag("Nobody likes that attitude at the front desk")).containsExactly("customer service");
        assertThat(builtin.tag("It needed more seasoning")).containsExactly("food and drink");
        assertThat(builtin.tag("The lobby felt cramped")).containsExactly("atmosphere");
        assertThat(builtin.tag("A spacious, relaxing hotel")).containsExactly("atmosphere");
    }

    @Test
    void anAmountOfMoneyIsAboutPrice() {
        ThemeModel builtin = ThemeModel.builtin();
        assertThat(builtin.tag("A large one is $20 and toppings are about $3 each")).contains("price");
        assertThat(builtin.tag("We left after €15 for two coffees")).contains("price");
        // a bare number or a lone sign is not an amount
        assertThat(builtin.tag("We were 4 at the table")).doesNotContain("price");
        assertThat(builtin.tag("Rated it $ out of ten")).doesNotContain("price");
    }
}
