package dev.nps.channels.sms;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.spi.Delivery;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class Fixtures {
    static final String PHONE = "+4915112345678";

    private Fixtures() {}

    static Survey survey() {
        return Survey.builder("post-purchase").sendVia(ChannelName.SMS).build();
    }

    static Contact contact() {
        return Contact.of("c-42").phone(PHONE).locale("de").build();
    }

    static Delivery delivery(Locale locale) {
        return delivery("inv-1", survey(), contact(), locale, List.of());
    }

    static Delivery delivery(String id, Survey survey, Contact contact, Locale locale, List<URI> links) {
        return new Delivery(id, 1, 0, survey, contact, locale, links, Optional.empty());
    }

    static List<URI> scoreLinks(String pattern) {
        List<URI> links = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            links.add(URI.create(pattern.replace("{s}", Integer.toString(i))));
        }
        return links;
    }
}
