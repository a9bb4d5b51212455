package dev.nps.channels.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops hammering a server that is down: after {@code threshold} consecutive channel-down failures every send fails
 * fast for {@code coolDown}; then one send is let through as a probe, and its result closes or re-opens the breaker.
 * Time comes from the injected clock so tests move it by hand.
 */
final class CircuitBreaker {
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    private final int threshold;
    private final Duration coolDown;
    private final Duration probeWait;
    private final Clock clock;
    private int consecutiveDown;
    private Instant openUntil;
    private Thread prober;

    CircuitBreaker(int threshold, Duration coolDown, Duration probeWait, Clock clock) {
        this.threshold = threshold;
        this.coolDown = coolDown;
        this.probeWait = probeWait;
        this.clock = clock;
    }

    /** @return empty when the send may go ahead, otherwise how long the caller should wait before trying again */
    synchronized Optional<Duration> blockedFor() {
        if (openUntil == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isBefore(openUntil)) {
            return Optional.of(Duration.between(now, openUntil));
        }
        if (prober != null) {
            return Optional.of(probeWait);
        }
        prober = Thread.currentThread();
        return Optional.empty();
    }

    /** Records the result of a send that reached (or tried to reach) the server. */
    synchronized void record(boolean channelDown) {
        if (!channelDown) {
            if (openUntil != null) {
                LOG.info("email channel: SMTP server reachable again, circuit closed");
            }
            consecutiveDown = 0;
            openUntil = null;
            prober = null;
            return;
        }
        consecutiveDown++;
        if (prober != null || consecutiveDown >= threshold) {
            boolean wasClosed = openUntil == null;
            openUntil = clock.instant().plus(coolDown);
            prober = null;
            if (wasClosed) {
                LOG.warn("email channel: {} consecutive connection failures, failing fast for {}", consecutiveDown, coolDown);
            }
        }
    }

    /**
     * Ends the calling thread's probe without a verdict (it never reached the server: pool busy, interrupted, a
     * bug), so that the next send probes instead of every send waiting for a probe that will not report.
     */
    synchronized void settle() {
        if (prober == Thread.currentThread()) {
            prober = null;
        }
    }
}
