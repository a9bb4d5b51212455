package dev.nps.engine.dispatch;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import java.time.Duration;

/**
 * How the dispatcher treats one channel: its rate limit, its concurrency cap, what an ambiguous send means, and
 * how long it pauses the channel when the channel reports itself down.
 *
 * @param ratePerSecond  sustained sends per second; 0 means no limit
 * @param burst          how many sends may go at once after a quiet spell (token bucket size), 1 or more
 * @param maxConcurrent  sends in flight at once, 1 or more
 * @param ambiguous      what an {@link dev.nps.spi.SendOutcome.Ambiguous} outcome means
 * @param pause          first pause of a channel that is down; doubled on each further report, up to {@code maxPause}
 * @param maxPause       longest pause
 * @since 0.1
 */
public record ChannelPolicy(double ratePerSecond, int burst, int maxConcurrent, AmbiguousPolicy ambiguous, Duration pause,
                            Duration maxPause) {
    /** No rate limit, 16 concurrent sends, ambiguous treated as sent, pauses from 30 s to 15 min. */
    public static final ChannelPolicy DEFAULT = new ChannelPolicy(0, 1, 16, AmbiguousPolicy.TREAT_AS_SENT,
            Duration.ofSeconds(30), Duration.ofMinutes(15));

    /** What an ambiguous send (a timeout after the request left) means. */
    public enum AmbiguousPolicy {
        /** Count it as sent: risks a lost message, never a duplicate (email usually). */
        TREAT_AS_SENT,
        /** Retry it: risks a duplicate, never a lost message. */
        RETRY
    }

    public ChannelPolicy {
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw NpsException.invalid("channelPolicy.ratePerSecond", "must be 0 (no limit) or a positive number (got " + ratePerSecond + ")");
        }
        if (burst < 1) {
            throw NpsException.invalid("channelPolicy.burst", "must be 1 or more (got " + burst + ")");
        }
        if (maxConcurrent < 1) {
            throw NpsException.invalid("channelPolicy.maxConcurrent", "must be 1 or more (got " + maxConcurrent + ")");
        }
        Checks.notNull(ambiguous, "channelPolicy.ambiguous");
        Checks.notNull(pause, "channelPolicy.pause");
        Checks.notNull(maxPause, "channelPolicy.maxPause");
        if (pause.isNegative() || pause.isZero() || maxPause.compareTo(pause) < 0) {
            throw NpsException.invalid("channelPolicy.pause", "must be positive and not above maxPause (got " + pause + ", " + maxPause + ")");
        }
    }

    /** @return a copy with a rate limit */
    public ChannelPolicy withRate(double perSecond, int burstSize) {
        return new ChannelPolicy(perSecond, burstSize, maxConcurrent, ambiguous, pause, maxPause);
    }

    /** @return a copy with a concurrency cap */
    public ChannelPolicy withMaxConcurrent(int max) {
        return new ChannelPolicy(ratePerSecond, burst, max, ambiguous, pause, maxPause);
    }

    /** @return a copy with another ambiguous-outcome policy */
    public ChannelPolicy withAmbiguous(AmbiguousPolicy policy) {
        return new ChannelPolicy(ratePerSecond, burst, maxConcurrent, policy, pause, maxPause);
    }
}
