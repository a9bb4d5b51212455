package dev.nps.channels.sms;

import java.util.Locale;
import java.util.Optional;

/**
 * The delivery status of a sent SMS, ordered by progress: a status only ever moves to a higher {@link #rank()},
 * so callbacks that arrive out of order never regress it (a late {@code sent} after {@code delivered} is
 * ignored).
 *
 * @since 0.1
 */
public enum SmsStatus {
    ACCEPTED(0, false),
    QUEUED(1, false),
    SENDING(2, false),
    SENT(3, false),
    DELIVERED(4, true),
    UNDELIVERED(4, true),
    FAILED(4, true),
    READ(5, true);

    private final int rank;
    private final boolean terminal;

    SmsStatus(int rank, boolean terminal) {
        this.rank = rank;
        this.terminal = terminal;
    }

    /** @return progress order; equal ranks do not replace each other */
    public int rank() {
        return rank;
    }

    /** @return whether the carrier reported a final state */
    public boolean terminal() {
        return terminal;
    }

    /**
     * @param twilioStatus a Twilio {@code MessageStatus} value such as {@code delivered}
     * @return the status, or empty for an unknown value
     */
    public static Optional<SmsStatus> fromTwilio(String twilioStatus) {
        if (twilioStatus == null) {
            return Optional.empty();
        }
        return switch (twilioStatus.strip().toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled" -> Optional.of(ACCEPTED);
            case "queued" -> Optional.of(QUEUED);
            case "sending" -> Optional.of(SENDING);
            case "sent" -> Optional.of(SENT);
            case "delivered" -> Optional.of(DELIVERED);
            case "undelivered" -> Optional.of(UNDELIVERED);
            case "failed", "canceled" -> Optional.of(FAILED);
            case "read" -> Optional.of(READ);
            default -> Optional.empty();
        };
    }
}
