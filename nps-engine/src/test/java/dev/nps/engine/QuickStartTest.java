package dev.nps.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Response;
import dev.nps.api.analytics.GroupResult;
import dev.nps.api.analytics.NpsResult;
import dev.nps.testkit.KeywordTextAnalyser;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's quick start, end to end on the in-memory store: define, record, analyse by segment. */
class QuickStartTest {

    @Test
    void readmeQuickStartRecordsAndAnalysesBySegment() {
        SettableClock clock = SettableClock.startingMonday();
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().discoverProviders(false).clock(clock).build()) {
            nps.surveys().define("post-purchase")
                    .question("How likely are you to recommend Acme to a friend or colleague?")
                    .followUp(Category.DETRACTOR, "What should we fix first?")
                    .sendVia(ChannelName.EMAIL).fallbackTo(ChannelName.SMS)
                    .save();
            nps.contacts().upsert(Contact.of("c-pro").email("ann@example.com").attribute("plan", "pro").build());
            nps.contacts().upsert(Contact.of("c-free").email("bob@example.com").attribute("plan", "free").build());
            int[] proScores = {10, 9, 9, 8, 3};
            int[] freeScores = {6, 5, 7, 9, 2};
            for (int i = 0; i < proScores.length; i++) {
                nps.responses().record(Response.builder("post-purchase", proScores[i]).id("p" + i).contact("c-pro")
                        .answeredAt(clock.instant().minus(Duration.ofHours(i + 1))).build(clock.instant()));
                nps.responses().record(Response.builder("post-purchase", freeScores[i]).id("f" + i).contact("c-free")
                        .answeredAt(clock.instant().minus(Duration.ofHours(i + 1))).build(clock.instant()));
            }

            NpsResult week = nps.analytics().nps().survey("post-purchase").last(Duration.ofDays(7)).groupBy("plan").run();

            // Overall: promoters 10,9,9,9 = 4; detractors 3,6,5,2 = 4; n = 10 -> NPS 0.
            assertThat(week.overall().responses()).isEqualTo(10);
            assertThat(week.overall().score()).isCloseTo(0.0, within(1e-9));
            assertThat(week.overall().interval().contains(week.overall().score())).isTrue();
            assertThat(week.overall().smallSample()).isTrue();
            GroupResult pro = week.groups().stream().filter(g -> g.segment().get("plan").equals("pro")).findFirst().orElseThrow();
            assertThat(pro.summary().score()).isCloseTo(40.0, within(1e-9));
            assertThat(pro.versusRest()).hasValueSatisfying(c -> assertThat(c.difference()).isCloseTo(80.0, within(1e-9)));
        }
    }

    @Test
    void themeReportReadsCommentsAndContactAttributesFromTheStore() {
        SettableClock clock = SettableClock.startingMonday();
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().discoverProviders(false).clock(clock).build()) {
            nps.surveys().define("s").save();
            nps.contacts().upsert(Contact.of("c1").attribute("plan", "pro").build());
            String[] comments = {"Delivery was slow and late", "Late delivery again, slow courier", "Great price, cheap",
                "Fair price and good value", "Delivery took two weeks, too slow", "Good value for the price"};
            int[] scores = {2, 3, 10, 9, 4, 9};
            for (int i = 0; i < comments.length; i++) {
                nps.responses().record(Response.builder("s", scores[i]).id("r" + i).contact("c1").comment(comments[i])
                        .answeredAt(clock.instant().minus(Duration.ofDays(i))).build(clock.instant()));
            }
            dev.nps.api.analytics.ThemeReport report = nps.themeReport(dev.nps.api.analytics.ResponseFilter.builder().survey("s").build());
            assertThat(report.overall().responses()).isEqualTo(6);
            assertThat(report.commented()).isEqualTo(6);
            assertThat(report.themes()).isNotEmpty();
            assertThat(report.themes().get(0).mentions()).isPositive();
        }
    }

    @Test
    void themeReportUsesAPlugInAnalysersThemes() {
        SettableClock clock = SettableClock.startingMonday();
        KeywordTextAnalyser plugIn = KeywordTextAnalyser.named("plug-in").theme("Parcels", "box");
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().discoverProviders(false).clock(clock)
                .textAnalyser(plugIn).build()) {
            nps.surveys().define("s").save();
            String[] comments = {"The box never came", "My box was crushed", "Fine service"};
            for (int i = 0; i < comments.length; i++) {
                nps.responses().record(Response.builder("s", 3 + 3 * i).id("r" + i).comment(comments[i])
                        .answeredAt(clock.instant().minus(Duration.ofDays(i))).build(clock.instant()));
            }
            dev.nps.api.analytics.ThemeReport report = nps.themeReport(dev.nps.api.analytics.ResponseFilter.builder().survey("s").build());
            assertThat(report.themes()).extracting(t -> t.theme()).containsExactly("Parcels");
            assertThat(report.themes().get(0).mentions()).isEqualTo(2);
        }
    }

    @Test
    void themeReportUsesTheBuiltInAnalysersUserThemesAndRenames() {
        SettableClock clock = SettableClock.startingMonday();
        dev.nps.engine.text.BuiltinTextAnalyser analyser = dev.nps.engine.text.BuiltinTextAnalyser.builder()
                .userTheme(dev.nps.engine.text.UserTheme.of("Billing", "invoice", "charged twice")).build();
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().discoverProviders(false).clock(clock)
                .textAnalyser(analyser).build()) {
            nps.surveys().define("s").save();
            String[] comments = {"The invoice was wrong", "I was charged twice this month", "Invoice arrived late",
                "Delivery was slow and late", "Late delivery again, slow courier", "Delivery took two weeks, too slow"};
            int[] scores = {2, 3, 4, 5, 9, 10};
            for (int i = 0; i < comments.length; i++) {
                nps.responses().record(Response.builder("s", scores[i]).id("r" + i).comment(comments[i])
                        .answeredAt(clock.instant().minus(Duration.ofDays(i))).build(clock.instant()));
            }
            dev.nps.api.analytics.ResponseFilter all = dev.nps.api.analytics.ResponseFilter.builder().survey("s").build();
            dev.nps.api.analytics.ThemeReport report = nps.themeReport(all);
            assertThat(report.themes()).anySatisfy(t -> {
                assertThat(t.theme()).isEqualTo("Billing");
                assertThat(t.mentions()).isEqualTo(3);
            });
            // a rename made on the analyser's model carries into the next report's discovery
            String delivery = report.themes().stream().map(t -> t.theme()).filter(n -> !n.equals("Billing")).findFirst().orElseThrow();
            analyser.updateModel(m -> m.rename(delivery, "Shipping"));
            assertThat(nps.themeReport(all).themes()).extracting(t -> t.theme()).contains("Billing", "Shipping")
                    .doesNotContain(delivery);
        }
    }
}
