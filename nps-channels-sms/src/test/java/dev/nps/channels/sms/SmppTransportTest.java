package dev.nps.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Survey;
import dev.nps.spi.SendOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmppTransportTest {
    private FakeSmsc smsc;
    private SmsChannel channel;
    private final BlockingQueue<String> statuses = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws IOException {
        smsc = new FakeSmsc();
    }

    @AfterEach
    void stop() throws IOException {
        if (channel != null) {
            channel.close();
        }
        smsc.close();
    }

    private SmsChannel channel(SmppConfig config) {
        channel = SmsChannel.builder().smpp(config).build();
        channel.connectStatusListener((id, status, error) -> statuses.add(id + " " + status + " " + error.orElse("-")));
        return channel;
    }

    private SendOutcome send() {
        return channel.send(Fixtures.delivery(Locale.ENGLISH));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    @Test
    void submitsGsmTextWithRegisteredDeliveryAndMapsTheReceipt() throws Exception {
        channel(smsc.config());
        SendOutcome o = send();
        assertThat(o).isEqualTo(SendOutcome.accepted("10001"));
        FakeSmsc.Submit s = smsc.submits.get(0);
        assertThat(s.destination()).isEqualTo(Fixtures.PHONE.substring(1));
        assertThat(s.dataCoding()).isEqualTo((byte) 0);
        assertThat(s.registeredDelivery()).isEqualTo((byte) 1);
        assertThat(s.text()).startsWith(Survey.DEFAULT_QUESTION);
        assertThat(statuses.poll(10, TimeUnit.SECONDS)).isEqualTo("10001 DELIVERED -");
        assertThat(channel.statusTracker().status("10001")).contains(SmsStatus.DELIVERED);
    }

    @Test
    void undeliveredReceiptCarriesTheError() throws Exception {
        smsc.receiptState = DeliveryReceiptState.UNDELIV;
        channel(smsc.config());
        assertThat(send()).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(statuses.poll(10, TimeUnit.SECONDS)).isEqualTo("10001 UNDELIVERED 001");
    }

    @Test
    void emojiTextTravelsAsUcs2() {
        channel(smsc.config());
        Survey survey = Survey.builder("s").question("Would you recommend us? 🙂").build();
        assertThat(channel.send(Fixtures.delivery("i", survey, Fixtures.contact(), Locale.ENGLISH, List.of())))
                .isInstanceOf(SendOutcome.Accepted.class);
        FakeSmsc.Submit s = smsc.submits.get(0);
        assertThat(s.dataCoding()).isEqualTo((byte) 8);
        assertThat(s.text()).startsWith("Would you recommend us? 🙂");
    }

    @Test
    void longTextTravelsInTheMessagePayload() {
        channel(smsc.config());
        Survey survey = Survey.builder("s").question("How likely is it that you would recommend Acme Outdoor Supplies to a friend or colleague?").build();
        assertThat(channel.send(Fixtures.delivery("i", survey, Fixtures.contact(), Locale.ENGLISH, List.of())))
                .isInstanceOf(SendOutcome.Accepted.class);
        FakeSmsc.Submit s = smsc.submits.get(0);
        assertThat(s.shortMessage()).isEmpty();
        assertThat(s.text()).contains("Acme Outdoor Supplies").endsWith("Reply STOP to opt out.");
    }

    @Test
    void throttlingOnEveryThirdSubmitIsRetryableAndSlowsThePace() {
        smsc.throttleEvery = 3;
        channel(smsc.config());
        List<SendOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            outcomes.add(send());
        }
        assertThat(outcomes).filteredOn(o -> o instanceof SendOutcome.Accepted).hasSize(6);
        assertThat(outcomes).filteredOn(o -> o instanceof SendOutcome.Retryable r && !r.channelDown()
                && r.reason().startsWith("SMSC throttled") && r.retryAfter().orElseThrow().compareTo(Duration.ofSeconds(1)) >= 0).hasSize(3);
        assertThat(transport().pacing()).isGreaterThan(Duration.ZERO);
    }

    @Test
    void sessionDroppedMidBatchIsAmbiguousForTheInFlightSubmitThenRebinds() throws Exception {
        smsc.dropAtSubmit = 5;
        channel(smsc.config());
        List<SendOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(send());
        }
        assertThat(outcomes.subList(0, 4)).allMatch(o -> o instanceof SendOutcome.Accepted);
        assertThat(outcomes.get(4)).isInstanceOf(SendOutcome.Ambiguous.class);
        // Until the session is back, sends are refused as channel-down without touching the network.
        SendOutcome whileDown = send();
        if (whileDown instanceof SendOutcome.Retryable r) {
            assertThat(r.channelDown()).isTrue();
        } else {
            assertThat(whileDown).isInstanceOf(SendOutcome.Accepted.class);
        }
        await(() -> transport().bound() && smsc.binds.get() == 2, "rebind");
        for (int i = 0; i < 5; i++) {
            assertThat(send()).isInstanceOf(SendOutcome.Accepted.class);
        }
        assertThat(smsc.binds).hasValue(2);
    }

    @Test
    void rejectedBindMarksTheChannelDown() {
        SmppConfig c = smsc.config();
        channel(new SmppConfig(c.host(), c.port(), c.systemId(), "wrong", "", c.sourceAddress(), c.enquireLinkInterval(),
                c.responseTimeout(), c.window(), 0, c.rebindMin(), c.rebindMax()));
        SendOutcome o = send();
        assertThat(o).isInstanceOfSatisfying(SendOutcome.Retryable.class, r -> {
            assertThat(r.channelDown()).isTrue();
            assertThat(r.reason()).contains("bind");
        });
        assertThat(smsc.submits).isEmpty();
    }

    @Test
    void inboundReplyGoesThroughTheConversationAndTheAnswerIsSubmitted() throws Exception {
        SmsConversationTest.FakeEngine engine = new SmsConversationTest.FakeEngine();
        channel(smsc.config());
        channel.connectConversation(new SmsConversation(engine, SmsTexts.defaults(), Locale.ENGLISH));
        await(() -> !smsc.sessions.isEmpty(), "bind");
        smsc.deliverInbound(Fixtures.PHONE.substring(1), "4");
        await(() -> !smsc.submits.isEmpty(), "the reply");
        assertThat(engine.calls).containsExactly("score 4");
        assertThat(smsc.submits.get(0).text()).isEqualTo("What should we fix first?");
        assertThat(smsc.submits.get(0).destination()).isEqualTo(Fixtures.PHONE.substring(1));
    }

    @Test
    void idleSessionIsKeptAliveWithEnquireLink() throws Exception {
        SmppConfig c = smsc.config().withTimers(Duration.ofMillis(100), Duration.ofMillis(800), Duration.ofMillis(20), Duration.ofMillis(200));
        channel(c);
        await(() -> !smsc.sessions.isEmpty(), "bind");
        long boundAt = smsc.current().getLastActivityTimestamp();
        await(() -> smsc.current().getLastActivityTimestamp() > boundAt + 150, "an enquire_link");
        assertThat(smsc.submits).isEmpty();
        assertThat(transport().bound()).isTrue();
    }

    @Test
    void windowCapsSubmitsInFlightWhileThreadsSendConcurrently() throws Exception {
        smsc.latencyNanos = TimeUnit.MILLISECONDS.toNanos(3);
        channel(smsc.config().withWindow(2, 0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SendOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(this::send));
            }
            for (Future<SendOutcome> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(SendOutcome.Accepted.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(smsc.maxInFlight.get()).isBetween(1, 2);
        assertThat(smsc.submits).hasSize(40);
    }

    private SmppTransport transport() {
        try {
            java.lang.reflect.Field f = SmsChannel.class.getDeclaredField("transport");
            f.setAccessible(true);
            return (SmppTransport) f.get(channel);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
