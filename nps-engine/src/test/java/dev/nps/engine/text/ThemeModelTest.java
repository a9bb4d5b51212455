package dev.nps.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeModelTest {
    private final ThemeModel model = ThemeModel.discover(ThemeFixture.COMMENTS);

    private List<String> names(ThemeModel m) {
        return m.themes().stream().map(ThemeModel.Theme::name).toList();
    }

    @Test
    void discoversTheTopicsTheBatchTalksAbout() {
        assertThat(names(model)).contains("delivery time", "customer service", "price");
        // only topics the batch mentions: nothing about food or the atmosphere
        assertThat(names(model)).doesNotContain("food and drink", "atmosphere");
    }

    @Test
    void growsSeedThemesWithWordsUsedInTheSameContexts() {
        assertThat(model.theme("delivery time").orElseThrow().keywords()).contains("parcel", "courier");
    }

    @Test
    void findsANewThemeTheTopicMapDoesNotKnow() {
        assertThat(model.themes()).anySatisfy(t -> {
            assertThat(t.userDefined()).isFalse();
            assertThat(t.keywords()).contains("login");
        });
    }

    @Test
    void tagsEveryCommentWithZeroOrMoreThemes() {
        assertThat(model.tag("The parcel arrived late")).containsExactly("delivery time");
        assertThat(model.tag("The support agent was rude")).containsExactly("customer service");
        assertThat(model.tag("Way too expensive")).containsExactly("price");
        assertThat(model.tag("Nice colours")).isEmpty();
        assertThat(model.tag("")).isEmpty();
    }

    @Test
    void ordersThemesByHowManyOfTheirTermsMatch() {
        assertThat(model.tag("The courier was late and the parcel arrived damaged, the price was fine"))
                .startsWith("delivery time");
    }

    @Test
    void onEqualEvidenceTheNarrowerTopicOfTheBatchComesFirst() {
        // one word each: delivery is the batch's broadest topic, so the remark on the price comes first
        assertThat(model.tag("Expensive delivery")).containsExactly("price", "delivery time");
        assertThat(model.rename("delivery time", "Shipping").tag("Delivery, expensive")).containsExactly("price", "Shipping");
    }

    @Test
    void timeAloneIsNotATheme() {
        List<String> batch = new java.util.ArrayList<>(ThemeFixture.COMMENTS);
        for (int i = 0; i < 6; i++) {
            batch.add("Every time I open the app it is a good time, time well spent");
            batch.add("Had a great time, the parcel arrived in time");
        }
        ThemeModel m = ThemeModel.discover(batch);
        assertThat(m.themes()).noneSatisfy(t -> assertThat(t.keywords()).contains("time"));
        assertThat(m.tag("Every time")).isEmpty();
    }

    @Test
    void userThemesTakePrecedenceOverDiscoveredOnes() {
        ThemeModel withUser = ThemeModel.discover(ThemeFixture.COMMENTS,
                List.of(UserTheme.of("Courier", "courier", "parcel"), UserTheme.of("Sign-in", "login", "log in", "password")));
        assertThat(names(withUser)).startsWith("Courier", "Sign-in");
        assertThat(withUser.tag("The courier lost my parcel")).containsExactly("Courier");
        assertThat(withUser.theme("delivery time").orElseThrow().keywords()).contains("parcel");
        assertThat(withUser.tag("I could not log in with my password")).containsExactly("Sign-in");
        assertThat(withUser.themes().get(0).userDefined()).isTrue();
    }

    @Test
    void userPhrasesMatchAcrossStopWords() {
        ThemeModel m = ThemeModel.builtin().withUserThemes(List.of(UserTheme.of("Waiting", "waited an hour")));
        assertThat(m.tag("We waited for an hour")).contains("Waiting");
    }

    @Test
    void renamesAndMergesDiscoveredThemes() {
        ThemeModel renamed = model.rename("customer service", "Support team");
        assertThat(names(renamed)).contains("Support team").doesNotContain("customer service");
        assertThat(renamed.tag("The support agent was rude")).containsExactly("Support team");

        ThemeModel merged = renamed.merge("price", "delivery time", "Orders");
        assertThat(names(merged)).contains("Orders").doesNotContain("price", "delivery time");
        assertThat(merged.tag("Too expensive and late")).containsExactly("Orders");
    }

    @Test
    void rediscoveryKeepsUserThemesRenamesAndMerges() {
        ThemeModel edited = model.withUserThemes(List.of(UserTheme.of("Sign-in", "login")))
                .rename("customer service", "Support team");
        ThemeModel again = edited.rediscover(ThemeFixture.COMMENTS.subList(0, 12));
        assertThat(names(again)).contains("Sign-in", "Support team").doesNotContain("customer service");
    }

    @Test
    void rejectsBadEdits() {
        assertThatThrownBy(() -> model.rename("no such theme", "x"))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> model.rename("price", "customer service"))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).contains("already the name"));
        assertThatThrownBy(() -> model.rename("price", " "))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).startsWith("rename.to"));
        assertThatThrownBy(() -> model.merge("price", "PRICE", "x"))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).startsWith("merge.second"));
    }

    @Test
    void rejectsUserThemesWithoutContentWords() {
        assertThatThrownBy(() -> UserTheme.of("Empty", "the", "was"))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).contains("stop words"));
        assertThatThrownBy(() -> UserTheme.of(" ", "x"))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).startsWith("userTheme.name"));
        assertThatThrownBy(() -> ThemeModel.builtin().withUserThemes(List.of(UserTheme.of("A", "refunds"), UserTheme.of("a", "vouchers"))))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).contains("used twice"));
    }

    @Test
    void anEmptyBatchGivesAnEmptyModel() {
        assertThat(ThemeModel.discover(List.of()).themes()).isEmpty();
        assertThat(ThemeModel.discover(List.of("", " ", "🙂")).themes()).isEmpty();
    }

    @Test
    void withoutTheTopicMapThemesComeFromTheBatchAlone() {
        ThemeModel bare = ThemeModel.discover(ThemeFixture.COMMENTS, List.of(), false);
        assertThat(names(bare)).doesNotContain("delivery time", "customer service").isNotEmpty();
    }

    @Test
    void stemsLikePorter() {
        assertThat(PorterStemmer.stem("deliveries")).isEqualTo(PorterStemmer.stem("delivery"));
        assertThat(PorterStemmer.stem("connected")).isEqualTo("connect");
        assertThat(PorterStemmer.stem("relational")).isEqualTo("relat");
        assertThat(PorterStemmer.stem("hopping")).isEqualTo("hop");
        assertThat(PorterStemmer.stem("caresses")).isEqualTo("caress");
        assertThat(PorterStemmer.stem("generalization")).isEqualTo("gener");
    }
}
