package dev.nps.channels.email;

import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.spi.Delivery;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Values shared by the email channel tests. */
final class Fixtures {
    static final Survey SURVEY = Survey.builder("post-purchase")
            .question("How likely are you to recommend Acme to a friend or colleague?").build();

    private Fixtures() {}

    /** Generous timeouts: on a loaded machine a slow reply must not turn into a timeout and change the outcome. */
    static SmtpSettings.Builder settings(int port) {
        return SmtpSettings.builder().host("127.0.0.1").port(port).security(SmtpSecurity.NONE)
                .from("surveys@acme.example").fromName("Acme Surveys").brandName("Acme")
                .postalAddress("Acme Inc., 1 Main Street, Springfield").timeouts(Duration.ofSeconds(30));
    }

    static List<URI> links(String invitationId) {
        List<URI> links = new ArrayList<>();
        for (int s = 0; s <= 10; s++) {
            links.add(URI.create("https://acme.example/nps/r/" + invitationId + "/s" + s + "x"));
        }
        return links;
    }

    static Delivery delivery(String invitationId, String email) {
        return delivery(invitationId, email, Locale.ENGLISH, SURVEY);
    }

    static Delivery delivery(String invitationId, String email, Locale locale, Survey survey) {
        Contact contact = Contact.of("c-" + invitationId).email(email).build();
        return new Delivery(invitationId, 1, 0, survey, contact, locale, links(invitationId),
                Optional.of(URI.create("https://acme.example/nps/u/" + invitationId)));
    }
}
