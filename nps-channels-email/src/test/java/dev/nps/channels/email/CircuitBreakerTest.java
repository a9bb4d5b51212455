package dev.nps.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final SettableClock clock = SettableClock.startingMonday();
    private final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofMinutes(1), Duration.ofSeconds(5), clock);

    private void openIt() {
        breaker.record(true);
        breaker.record(true);
    }

    @Test
    void staysClosedBelowTheThresholdAndResetsOnSuccess() {
        breaker.record(true);
        breaker.record(false);
        breaker.record(true);

        assertThat(breaker.blockedFor()).isEmpty();
    }

    @Test
    void blocksForTheRestOfTheCoolDown() {
        openIt();
        clock.advance(Duration.ofSeconds(20));

        assertThat(breaker.blockedFor()).contains(Duration.ofSeconds(40));
    }

    @Test
    void letsOneProbeThroughAfterTheCoolDownAndMakesOthersWait() throws Exception {
        openIt();
        clock.advance(Duration.ofMinutes(1));

        assertThat(breaker.blockedFor()).isEmpty();
        Optional<Duration> other = CompletableFuture.supplyAsync(breaker::blockedFor).get();
        assertThat(other).contains(Duration.ofSeconds(5));

        breaker.record(false);
        assertThat(CompletableFuture.supplyAsync(breaker::blockedFor).get()).isEmpty();
    }

    @Test
    void letsTheNextSendProbeWhenAProbeEndsWithoutAVerdict() throws Exception {
        openIt();
        clock.advance(Duration.ofMinutes(1));
        assertThat(breaker.blockedFor()).isEmpty();

        breaker.settle();

        assertThat(CompletableFuture.supplyAsync(breaker::blockedFor).get()).isEmpty();
    }
}
