package dev.nps.spi;

import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.util.Locale;

/**
 * An address or number that must never receive a message (a hard bounce, a complaint, an SMS STOP).
 * {@link #toString()} never shows the address.
 *
 * @param address an email address (stored lower-case) or an E.164 number
 * @param reason  why, without personal data
 * @param at      when it was added
 * @since 0.1
 */
public record Suppression(String address, String reason, Instant at) {
    public Suppression {
        address = normalize(address);
        Checks.notBlank(reason, "suppression.reason");
        Checks.notNull(at, "suppression.at");
    }

    /**
     * @param address an email address or phone number
     * @return the form stored and compared: stripped, lower-case
     */
    public static String normalize(String address) {
        Checks.notBlank(address, "suppression.address");
        return address.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Suppression[address=<redacted>, reason=" + reason + ", at=" + at + "]";
    }
}
