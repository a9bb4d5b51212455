package dev.nps.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.QuietHours;
import dev.nps.api.Response;
import dev.nps.api.Survey;
import dev.nps.api.Trigger;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SurveysAndContactsTest {

    private final SettableClock clock = SettableClock.startingMonday();
    private final NpsEngine engine = NpsEngine.builder().inMemoryStore().discoverProviders(false).clock(clock).build();

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void definesASurveyFluentlyAndSavesIt() {
        Survey survey = engine.surveys().define("post-purchase")
                .question("How likely are you to recommend Acme to a friend or colleague?")
                .followUp(Category.DETRACTOR, "What should we fix first?")
                .sendVia(ChannelName.EMAIL).fallbackTo(ChannelName.SMS)
                .triggeredBy("order.completed").after(Duration.ofDays(3)).when("plan", "pro")
                .scheduled("quarterly")
                .throttlePerContact(Duration.ofDays(90))
                .quietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))
                .save();
        assertThat(survey.channels()).containsExactly(ChannelName.EMAIL, ChannelName.SMS);
        assertThat(survey.triggers()).containsExactly(
                new Trigger.OnEvent("order.completed", Duration.ofDays(3), Map.of("plan", "pro")),
                new Trigger.OnSchedule("quarterly"));
        assertThat(survey.quietHours()).contains(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
        assertThat(engine.surveys().get("post-purchase")).isEqualTo(survey);
        assertThat(engine.surveys().list()).containsExactly(survey);
    }

    @Test
    void afterWithoutAnEventTriggerSaysWhatToCallFirst() {
        assertThatThrownBy(() -> engine.surveys().define("s").after(Duration.ofDays(1)))
                .isInstanceOf(NpsException.class).hasMessageContaining("triggeredBy(eventType) first");
    }

    @Test
    void redefiningASurveyReplacesIt() {
        engine.surveys().define("s").question("Old question?").save();
        engine.surveys().define("s").question("New question?").save();
        assertThat(engine.surveys().get("s").question()).isEqualTo("New question?");
        assertThat(engine.surveys().list()).hasSize(1);
    }

    @Test
    void gettingAnUnknownSurveyIsNotFound() {
        assertThatThrownBy(() -> engine.surveys().get("missing")).isInstanceOfSatisfying(NpsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(engine.surveys().find("missing")).isEmpty();
    }

    @Test
    void upsertsFindsAndErasesContacts() {
        engine.contacts().upsert(Contact.of("c-42").email("ann@example.com").zone("Europe/Berlin").attribute("plan", "pro"));
        assertThat(engine.contacts().find("c-42")).hasValueSatisfying(c -> assertThat(c.attributes()).containsEntry("plan", "pro"));
        engine.surveys().define("s").save();
        engine.responses().record(Response.builder("s", 3).id("r-1").contact("c-42").comment("call me").build(clock.instant()));

        assertThat(engine.contacts().erase("c-42")).isTrue();

        assertThat(engine.contacts().find("c-42")).isEmpty();
        Response r = engine.responses().find("r-1").orElseThrow();
        assertThat(r.contactId()).isEmpty();
        assertThat(r.comment()).isEmpty();
        assertThat(engine.responses().count(ResponseFilter.ALL)).isEqualTo(1);
        assertThat(engine.contacts().erase("c-42")).isFalse();
    }

    @Test
    void rejectsMalformedIds() {
        assertThatThrownBy(() -> engine.contacts().find("has space")).isInstanceOfSatisfying(NpsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> engine.surveys().define("")).isInstanceOf(NpsException.class);
    }
}
