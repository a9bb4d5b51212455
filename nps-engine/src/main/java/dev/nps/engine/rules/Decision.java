package dev.nps.engine.rules;

import dev.nps.api.ChannelName;
import dev.nps.api.internal.Checks;
import dev.nps.spi.SkipReason;

/**
 * The result of an eligibility check: send on a channel, or skip with a reason.
 *
 * @since 0.1
 */
public sealed interface Decision {

    /**
     * Send on this channel.
     *
     * @param channel the chosen channel
     */
    record Send(ChannelName channel) implements Decision {
        public Send {
            Checks.notNull(channel, "channel");
        }
    }

    /**
     * Do not send.
     *
     * @param reason why
     * @param detail per-channel explanation without personal data
     */
    record Skip(SkipReason reason, String detail) implements Decision {
        public Skip {
            Checks.notNull(reason, "reason");
            Checks.notNull(detail, "detail");
        }
    }
}
