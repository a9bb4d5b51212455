package dev.nps.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.Survey;
import dev.nps.api.Trigger;
import dev.nps.api.analytics.GroupResult;
import dev.nps.api.analytics.IntervalMethod;
import dev.nps.api.analytics.NpsResult;
import dev.nps.api.analytics.NpsSummary;
import dev.nps.api.analytics.ScoreCounts;
import dev.nps.engine.analytics.NpsStatistics;
import dev.nps.spi.SendOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NpsJsonTest {

    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void writesAResponseWithIsoTimeAndPlainScoreAndChannel() {
        Response r = Response.builder("s1", 9).id("r-1").contact("c-1").comment("Très bien 👍 جيد").channel(ChannelName.EMAIL)
                .attribute("plan", "pro").answeredAt(T).build(T);
        String json = NpsJson.write(r);
        assertThat(json).isEqualTo("{\"id\":\"r-1\",\"surveyId\":\"s1\",\"contactId\":\"c-1\",\"invitationId\":null,"
                + "\"score\":9,\"comment\":\"Très bien 👍 جيد\",\"channel\":\"email\",\"answeredAt\":\"2026-01-05T09:00:00Z\","
                + "\"attributes\":{\"plan\":\"pro\"}}");
        assertThat(NpsJson.read(json, Response.class)).isEqualTo(r);
    }

    @Test
    void writesASummaryWithItsCountsIntervalAndFlag() {
        NpsSummary s = NpsStatistics.summarize(ScoreCounts.ofCategories(1, 1, 2), 0.95, IntervalMethod.WALD, 30);
        String json = NpsJson.write(s);
        assertThat(json).startsWith("{\"counts\":{\"histogram\":[1,0,0,0,0,0,0,1,0,0,2]},\"nps\":25.0,\"standardError\":")
                .contains("\"interval\":{\"low\":").contains("\"confidence\":0.95,\"method\":\"WALD\"}")
                .endsWith("\"smallSample\":true}");
        NpsSummary back = NpsJson.read(json, NpsSummary.class);
        assertThat(back).isEqualTo(s);
    }

    @Test
    void writesNanAsNullAndReadsNullBackAsNan() {
        NpsSummary empty = NpsStatistics.summarize(ScoreCounts.EMPTY, 0.95, IntervalMethod.WALD, 30);
        String json = NpsJson.write(empty);
        assertThat(json).isEqualTo("{\"counts\":{\"histogram\":[0,0,0,0,0,0,0,0,0,0,0]},\"nps\":null,\"standardError\":null,"
                + "\"interval\":{\"low\":null,\"high\":null,\"confidence\":0.95,\"method\":\"WALD\"},\"smallSample\":true}");
        NpsSummary back = NpsJson.read(json, NpsSummary.class);
        assertThat(back.nps()).isNaN();
        assertThat(back.interval().low()).isNaN();
    }

    @Test
    void writesAGroupedResultWithPeriodSegmentAndComparison() {
        NpsSummary pro = NpsStatistics.summarize(ScoreCounts.ofCategories(0, 1, 3), 0.95, IntervalMethod.ADJUSTED_WALD, 30);
        NpsSummary free = NpsStatistics.summarize(ScoreCounts.ofCategories(2, 1, 1), 0.95, IntervalMethod.ADJUSTED_WALD, 30);
        GroupResult g = new GroupResult(Optional.of(LocalDate.of(2026, 1, 5)), Map.of("plan", "pro"), pro,
                Optional.of(NpsStatistics.compare(pro.counts(), free.counts(), 0.05)));
        NpsResult result = new NpsResult(NpsStatistics.summarize(pro.counts().plus(free.counts()), 0.95,
                IntervalMethod.ADJUSTED_WALD, 30), List.of(g, new GroupResult(Optional.empty(), Map.of("plan", ""), free, Optional.empty())));
        String json = NpsJson.write(result);
        assertThat(json).contains("\"groups\":[{\"period\":\"2026-01-05\",\"segment\":{\"plan\":\"pro\"},\"summary\":{")
                .contains("\"versusRest\":{\"difference\":")
                .contains("{\"period\":null,\"segment\":{\"plan\":\"\"}")
                .endsWith("\"versusRest\":null}]}");
        NpsResult back = NpsJson.read(json, NpsResult.class);
        assertThat(back.overall()).isEqualTo(result.overall());
        assertThat(back.groups().get(0).period()).contains(LocalDate.of(2026, 1, 5));
        assertThat(back.groups().get(0).versusRest()).isEqualTo(g.versusRest());
        assertThat(back.groups().get(1).segment()).containsEntry("plan", "");
    }

    @Test
    void surveysWithTriggersAndContactsRoundTrip() {
        Survey survey = Survey.builder("s").followUp(Category.DETRACTOR, "Why?").sendVia(ChannelName.SMS)
                .trigger(new Trigger.OnEvent("order.completed", Duration.ofDays(3), Map.of("plan", "pro")))
                .trigger(new Trigger.OnSchedule("quarterly"))
                .quietHours(new dev.nps.api.QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))).build();
        String json = NpsJson.write(survey);
        assertThat(json).contains("{\"type\":\"event\",\"eventType\":\"order.completed\",\"delay\":\"PT72H\"")
                .contains("{\"type\":\"schedule\",\"schedule\":\"quarterly\"}")
                .contains("\"language\":\"en\"").contains("\"start\":\"21:00:00\"");
        assertThat(NpsJson.read(json, Survey.class)).isEqualTo(survey);

        Contact contact = Contact.of("c").email("a@example.com").locale("de-DE").zone("Europe/Berlin").attribute("city", "القاهرة").build();
        String contactJson = NpsJson.write(contact);
        assertThat(contactJson).contains("\"locale\":\"de-DE\"").contains("\"zone\":\"Europe/Berlin\"");
        assertThat(NpsJson.read(contactJson, Contact.class)).isEqualTo(contact);
    }

    @Test
    void sendOutcomesCarryTheirType() {
        SendOutcome retry = new SendOutcome.Retryable(Optional.of(Duration.ofSeconds(30)), "421", true);
        String json = NpsJson.write(retry);
        assertThat(json).isEqualTo("{\"type\":\"retryable\",\"retryAfter\":\"PT30S\",\"reason\":\"421\",\"channelDown\":true}");
        assertThat(NpsJson.read(json, SendOutcome.class)).isEqualTo(retry);
    }

    @Test
    void readingRunsTheValuesOwnValidation() {
        String json = "{\"id\":\"r-1\",\"surveyId\":\"s1\",\"score\":11,\"channel\":\"api\",\"answeredAt\":\"2026-01-05T09:00:00Z\",\"attributes\":{}}";
        assertThatThrownBy(() -> NpsJson.read(json, Response.class)).isInstanceOfSatisfying(NpsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCORE));
        assertThatThrownBy(() -> NpsJson.read("{not json", Response.class)).isInstanceOfSatisfying(NpsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void missingOptionalPropertiesReadAsEmpty() {
        String json = "{\"id\":\"r-1\",\"surveyId\":\"s1\",\"score\":7,\"channel\":\"api\",\"answeredAt\":\"2026-01-05T09:00:00Z\",\"attributes\":{}}";
        Response r = NpsJson.read(json, Response.class);
        assertThat(r.contactId()).isEmpty();
        assertThat(r.comment()).isEmpty();
    }

    @Test
    void emptyBeansDoNotFail() {
        assertThat(NpsJson.write(new Object())).isEqualTo("{}");
    }
}
