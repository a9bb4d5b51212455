package dev.nps.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one send. A channel returns one of these for every per-recipient result and throws only
 * for programming errors.
 *
 * @since 0.1
 */
public sealed interface SendOutcome {

    /** The channel took the message. */
    record Accepted(Optional<String> providerMessageId) implements SendOutcome {
        public Accepted {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
        }
    }

    /**
     * Not sent; trying again later may work.
     *
     * @param retryAfter  the channel's hint (e.g. a Retry-After header), if any
     * @param reason      short reason without personal data
     * @param channelDown true when the whole channel is unavailable (refused connection, bad credentials):
     *                    the dispatcher pauses the channel instead of burning every message's attempts
     */
    record Retryable(Optional<Duration> retryAfter, String reason, boolean channelDown) implements SendOutcome {
        public Retryable {
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Will never work for this recipient.
     *
     * @param reason            short reason without personal data
     * @param suppressRecipient true when the address or number should be suppressed (unknown user, STOP)
     */
    record Permanent(String reason, boolean suppressRecipient) implements SendOutcome {
        public Permanent {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The request left but no answer came (a timeout after sending): it may or may not have been delivered. */
    record Ambiguous(String reason) implements SendOutcome {
        public Ambiguous {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static SendOutcome accepted() {
        return new Accepted(Optional.empty());
    }

    static SendOutcome accepted(String providerMessageId) {
        return new Accepted(Optional.of(providerMessageId));
    }
}
