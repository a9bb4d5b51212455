package dev.nps.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.spi.SendOutcome;
import dev.nps.testkit.SettableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailChannelFailureTest {
    private ScriptedSmtpServer smtp;
    private final List<EmailChannel> channels = new ArrayList<>();
    private final List<String> suppressed = new CopyOnWriteArrayList<>();
    private final SettableClock clock = SettableClock.startingMonday();

    @BeforeEach
    void startServer() throws IOException {
        smtp = new ScriptedSmtpServer();
    }

    @AfterEach
    void stop() {
        channels.forEach(EmailChannel::close);
        smtp.close();
    }

    private EmailChannel channel(SmtpSettings.Builder settings) {
        EmailChannel c = EmailChannel.builder(settings.build()).clock(clock)
                .suppressions((email, reason) -> suppressed.add(reason + ":" + email)).build();
        channels.add(c);
        return c;
    }

    private EmailChannel channel() {
        return channel(Fixtures.settings(smtp.port()));
    }

    /** A short timeout for the tests where the server stalls on purpose; the others keep the generous default. */
    private EmailChannel stallingChannel() {
        return channel(Fixtures.settings(smtp.port()).timeouts(Duration.ofSeconds(1)));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void reportsChannelDownWhenTheServerRefusesConnections() throws IOException {
        EmailChannel c = channel(Fixtures.settings(closedPort()));

        SendOutcome outcome = c.send(Fixtures.delivery("inv-1", "ann@example.com"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Retryable.class, r -> {
            assertThat(r.channelDown()).isTrue();
            assertThat(r.reason()).contains("cannot connect");
        });
    }

    @Test
    void failsFastAfterConsecutiveChannelDownFailuresUntilTheCoolDownEnds() {
        smtp.greeting = "421 4.3.2 service not available";
        EmailChannel c = channel(Fixtures.settings(smtp.port()).breakerThreshold(3).breakerCoolDown(Duration.ofMinutes(1)));
        for (int i = 0; i < 3; i++) {
            assertThat(c.send(Fixtures.delivery("inv-" + i, "ann@example.com")))
                    .isInstanceOfSatisfying(SendOutcome.Retryable.class, r -> assertThat(r.channelDown()).isTrue());
        }

        SendOutcome fast = c.send(Fixtures.delivery("inv-3", "ann@example.com"));

        assertThat(fast).isInstanceOfSatisfying(SendOutcome.Retryable.class, r -> {
            assertThat(r.channelDown()).isTrue();
            assertThat(r.retryAfter()).contains(Duration.ofMinutes(1));
            assertThat(r.reason()).contains("fails fast");
        });
        assertThat(smtp.connections.get()).isEqualTo(3);

        smtp.greeting = "220 stub ESMTP";
        clock.advance(Duration.ofSeconds(61));
        assertThat(c.send(Fixtures.delivery("inv-4", "ann@example.com"))).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(c.send(Fixtures.delivery("inv-5", "ann@example.com"))).isInstanceOf(SendOutcome.Accepted.class);
    }

    @Test
    void reopensTheBreakerWhenTheProbeAfterTheCoolDownFails() {
        smtp.greeting = "421 4.3.2 service not available";
        EmailChannel c = channel(Fixtures.settings(smtp.port()).breakerThreshold(2).breakerCoolDown(Duration.ofMinutes(1)));
        c.send(Fixtures.delivery("inv-1", "ann@example.com"));
        c.send(Fixtures.delivery("inv-2", "ann@example.com"));
        clock.advance(Duration.ofMinutes(2));

        c.send(Fixtures.delivery("inv-3", "ann@example.com"));
        SendOutcome afterProbe = c.send(Fixtures.delivery("inv-4", "ann@example.com"));

        assertThat(smtp.connections.get()).isEqualTo(3);
        assertThat(afterProbe).isInstanceOfSatisfying(SendOutcome.Retryable.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofMinutes(1)));
    }

    @Test
    void acceptsTheMessagesBeforeTheServerStopsAndRetriesTheRestWithoutResendingAny() {
        smtp.stopAfterMessages = 3;
        EmailChannel c = channel(Fixtures.settings(smtp.port()).poolSize(1).breakerThreshold(100));
        List<SendOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            outcomes.add(c.send(Fixtures.delivery("inv-" + i, "r" + i + "@example.com")));
        }

        assertThat(outcomes.subList(0, 3)).allSatisfy(o -> assertThat(o).isInstanceOf(SendOutcome.Accepted.class));
        assertThat(outcomes.subList(3, 7)).allSatisfy(o -> assertThat(o).isInstanceOf(SendOutcome.Retryable.class));
        assertThat(smtp.messages).hasSize(3);
        assertThat(smtp.commandsStartingWith("RCPT TO")).hasSize(3);
    }

    @Test
    void rejectsOneUnknownRecipientPermanentlyAndSuppressesItWhileTheOthersGoOut() {
        smtp.rcptReplies.put("bob@example.com", "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown");
        EmailChannel c = channel();

        SendOutcome ann = c.send(Fixtures.delivery("inv-1", "ann@example.com"));
        SendOutcome bob = c.send(Fixtures.delivery("inv-2", "bob@example.com"));
        SendOutcome cat = c.send(Fixtures.delivery("inv-3", "cat@example.com"));

        assertThat(ann).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(cat).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(bob).isInstanceOfSatisfying(SendOutcome.Permanent.class, p -> {
            assertThat(p.suppressRecipient()).isTrue();
            assertThat(p.reason()).contains("550").doesNotContain("bob");
        });
        assertThat(suppressed).containsExactly("HARD_BOUNCE:bob@example.com");
        assertThat(smtp.messages).hasSize(2);
    }

    @Test
    void retriesATemporaryRecipientFailure() {
        smtp.rcptReplies.put("ann@example.com", "451 4.7.1 greylisted, try again later");

        SendOutcome outcome = channel().send(Fixtures.delivery("inv-1", "ann@example.com"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Retryable.class, r -> {
            assertThat(r.channelDown()).isFalse();
            assertThat(r.reason()).contains("451");
        });
        assertThat(suppressed).isEmpty();
    }

    @Test
    void reportsARejectedMessageBodyAsPermanentWithoutSuppressing() {
        smtp.dataEndReply = "554 5.7.1 message rejected as spam";

        SendOutcome outcome = channel().send(Fixtures.delivery("inv-1", "ann@example.com"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Permanent.class, p -> {
            assertThat(p.suppressRecipient()).isFalse();
            assertThat(p.reason()).contains("554");
        });
    }

    @Test
    void reportsAmbiguousWithinTheTimeoutWhenTheServerStallsAfterTheData() {
        smtp.dataEndReply = ScriptedSmtpServer.STALL;
        long start = System.nanoTime();

        SendOutcome outcome = stallingChannel().send(Fixtures.delivery("inv-1", "ann@example.com"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(outcome).isInstanceOf(SendOutcome.Ambiguous.class);
    }

    @Test
    void reportsRetryableWhenTheServerStallsBeforeTheData() {
        smtp.rcptReplies.put("ann@example.com", ScriptedSmtpServer.STALL);
        long start = System.nanoTime();

        SendOutcome outcome = stallingChannel().send(Fixtures.delivery("inv-1", "ann@example.com"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Retryable.class, r -> assertThat(r.channelDown()).isFalse());
    }

    @Test
    void reportsChannelDownWhenTheServerStallsAtTheGreeting() {
        smtp.greeting = ScriptedSmtpServer.STALL;

        SendOutcome outcome = stallingChannel().send(Fixtures.delivery("inv-1", "ann@example.com"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Retryable.class, r -> assertThat(r.channelDown()).isTrue());
    }

    @Test
    void retriesOnAFreshConnectionWhenTheServerDroppedAPooledOne() {
        smtp.dropConnectionAfterEachMessage = true;
        EmailChannel c = channel(Fixtures.settings(smtp.port()).poolSize(1));

        assertThat(c.send(Fixtures.delivery("inv-1", "ann@example.com"))).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(c.send(Fixtures.delivery("inv-2", "bob@example.com"))).isInstanceOf(SendOutcome.Accepted.class);

        assertThat(smtp.messages).hasSize(2);
        assertThat(smtp.connections.get()).isEqualTo(2);
    }

    @Test
    void announcesSmtpUtf8ForANonAsciiRecipient() {
        SendOutcome outcome = channel().send(Fixtures.delivery("inv-1", "jörg@example.com"));

        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(smtp.commandsStartingWith("MAIL FROM")).singleElement().satisfies(c -> assertThat(c).endsWith(" SMTPUTF8"));
        assertThat(smtp.commandsStartingWith("RCPT TO")).containsExactly("RCPT TO:<jörg@example.com>");
    }

    @Test
    void refusesANonAsciiRecipientWhenTheServerLacksSmtpUtf8() {
        smtp.smtpUtf8 = false;

        SendOutcome outcome = channel().send(Fixtures.delivery("inv-1", "jörg@example.com"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Permanent.class, p -> {
            assertThat(p.reason()).contains("SMTPUTF8").doesNotContain("jörg");
            assertThat(p.suppressRecipient()).isFalse();
        });
        assertThat(smtp.commandsStartingWith("MAIL FROM")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"john..doe@example.com", "ann@exa_mple.com", "a(b)c@example.com", ".ann@example.com",
            "ann@example.123", "ann@-example.com"})
    void rejectsAMalformedAddressBeforeSending(String address) {
        SendOutcome outcome = channel().send(Fixtures.delivery("inv-1", address));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Permanent.class, p -> {
            assertThat(p.reason()).startsWith("malformed recipient address").doesNotContain(address);
            assertThat(p.suppressRecipient()).isFalse();
        });
        assertThat(smtp.connections.get()).isZero();
    }

    @Test
    void reportsAContactWithoutAnAddressAsPermanent() {
        var d = Fixtures.delivery("inv-1", "ann@example.com");
        var noEmail = new dev.nps.spi.Delivery("inv-1", 1, 0, d.survey(), dev.nps.api.Contact.of("c-1").build(), d.locale(),
                d.scoreLinks(), Optional.empty());

        assertThat(channel().send(noEmail)).isInstanceOf(SendOutcome.Permanent.class);
        assertThat(smtp.connections.get()).isZero();
    }
}
