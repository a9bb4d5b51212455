package dev.nps.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdaptivePacerTest {
    private final AtomicLong now = new AtomicLong();
    private final List<Long> sleeps = new ArrayList<>();
    private final AdaptivePacer.Sleeper sleeper = nanos -> {
        sleeps.add(nanos);
        now.addAndGet(nanos);
    };

    @Test
    void unlimitedPacerNeverWaitsUntilThrottled() throws InterruptedException {
        AdaptivePacer p = new AdaptivePacer(0, now::get, sleeper);
        for (int i = 0; i < 100; i++) {
            p.acquire();
        }
        assertThat(sleeps).isEmpty();
        assertThat(p.interval()).isEqualTo(Duration.ZERO);
    }

    @Test
    void configuredRateSpacesSubmitsEvenly() throws InterruptedException {
        AdaptivePacer p = new AdaptivePacer(100, now::get, sleeper);
        for (int i = 0; i < 5; i++) {
            p.acquire();
        }
        assertThat(sleeps).containsExactly(10_000_000L, 10_000_000L, 10_000_000L, 10_000_000L);
    }

    @Test
    void throttlingDoublesTheIntervalAndSuccessesBringItBack() {
        AdaptivePacer p = new AdaptivePacer(0, now::get, sleeper);
        p.onThrottled();
        assertThat(p.interval()).isEqualTo(Duration.ofMillis(5));
        p.onThrottled();
        assertThat(p.interval()).isEqualTo(Duration.ofMillis(10));
        for (int i = 0; i < 200; i++) {
            p.onSuccess();
        }
        assertThat(p.interval()).isEqualTo(Duration.ZERO);
    }

    @Test
    void intervalNeverExceedsOneSecond() {
        AdaptivePacer p = new AdaptivePacer(0, now::get, sleeper);
        for (int i = 0; i < 30; i++) {
            p.onThrottled();
        }
        assertThat(p.interval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void statusTrackerForgetsTheOldestBeyondItsCapacity() {
        List<String> seen = new ArrayList<>();
        SmsStatusTracker t = new SmsStatusTracker((id, s, e) -> seen.add(id), 2);
        t.report("a", SmsStatus.SENT, Optional.empty());
        t.report("b", SmsStatus.SENT, Optional.empty());
        t.report("c", SmsStatus.SENT, Optional.empty());
        assertThat(t.status("a")).isEmpty();
        assertThat(t.status("c")).contains(SmsStatus.SENT);
        assertThat(t.report("c", SmsStatus.QUEUED, Optional.empty())).isFalse();
        assertThat(seen).containsExactly("a", "b", "c");
    }
}
