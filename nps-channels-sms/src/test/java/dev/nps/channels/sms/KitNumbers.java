package dev.nps.channels.sms;

import dev.nps.api.Contact;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A distinct E.164 number per kit contact id. */
final class KitNumbers {
    private final Map<String, String> numbers = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    Contact reachable(String id) {
        String phone = numbers.computeIfAbsent(id, k -> "+49151" + String.format("%08d", next.incrementAndGet()));
        return Contact.of("kit-" + id).phone(phone).build();
    }

    /** The number both fakes refuse for good (Twilio's documented invalid test number). */
    static Contact refused() {
        return Contact.of("kit-refused").phone("+15005550001").build();
    }

    static SmsComposer composer() {
        // The kit checks that every score link is rendered once: list them all, as a long message.
        return new SmsComposer(SmsTexts.defaults(), SmsComposer.Mode.SCORE_LINKS, 8, SmsComposer.Overflow.SHORTEN);
    }
}
