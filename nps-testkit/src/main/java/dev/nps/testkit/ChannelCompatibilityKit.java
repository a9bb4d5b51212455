package dev.nps.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.spi.Channel;
import dev.nps.spi.Delivery;
import dev.nps.spi.SendOutcome;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Channel} passes. A channel's test extends this class, points the hooks at a real or
 * in-process far end (an SMTP server, an SMS gateway stub) and inherits the tests:
 *
 * <pre>{@code
 * class EmailChannelCompatibilityTest extends ChannelCompatibilityKit {
 *     @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
 *     protected Channel createChannel(Duration timeout) { return EmailChannel.smtp(settings(smtp.getSmtp().getPort(), timeout)); }
 *     ...
 * }
 * }</pre>
 *
 * <p>Personal data is checked in everything written to {@code System.out} and {@code System.err} while the kit
 * sends: route the channel's SLF4J logging there at debug level in the test (e.g. slf4j-simple with
 * {@code org.slf4j.simpleLogger.log.dev.nps=debug}), or the check proves less than it says.
 *
 * @since 0.1
 */
public abstract class ChannelCompatibilityKit {
    /** A comment-like personal text the kit attaches to contacts; it must never reach the logs. */
    protected static final String SECRET_COMMENT = "kit-comment: my neighbour Ann Example at 12 Private Road hates it";

    private static final Survey SURVEY = Survey.builder("kit-survey")
            .question("How likely are you to recommend the compatibility kit to a friend or colleague?").build();

    private final List<Channel> opened = new ArrayList<>();

    /** A message as the far end got it. */
    public record ReceivedMessage(String recipient, List<String> renderings) {
        /**
         * @param recipient  the address or number it was delivered to
         * @param renderings each readable version of the body (e.g. the text and HTML parts of an email), decoded
         */
        public ReceivedMessage {
            Objects.requireNonNull(recipient, "recipient");
            renderings = List.copyOf(renderings);
        }
    }

    /**
     * @param timeout the channel's network timeout (connect and read), the kit uses short ones
     * @return a new channel talking to the working far end; the kit closes it
     */
    protected abstract Channel createChannel(Duration timeout);

    /**
     * @param timeout the channel's network timeout
     * @return a new channel talking to a far end that accepts connections and then never answers
     */
    protected abstract Channel createChannelToStalledFarEnd(Duration timeout);

    /**
     * @param id a unique id
     * @return a contact the far end accepts, with an address or number unique to {@code id}
     */
    protected abstract Contact reachableContact(String id);

    /** @return a contact the channel or the far end refuses for good (a malformed or unknown address or number) */
    protected abstract Contact refusedContact();

    /**
     * Waits until the far end has at least {@code count} messages or the timeout passes.
     *
     * @return every message the far end has received since the test started
     */
    protected abstract List<ReceivedMessage> awaitReceived(int count, Duration timeout);

    /** @return the network timeout the kit configures; the stalled far end must give an outcome within about this */
    protected Duration timeout() {
        return Duration.ofSeconds(1);
    }

    /** @return the slack allowed on top of the timeout on a loaded machine */
    protected Duration slack() {
        return Duration.ofSeconds(2);
    }

    @AfterEach
    void closeChannels() {
        opened.forEach(Channel::close);
        opened.clear();
    }

    private Channel channel() {
        Channel c = createChannel(timeout());
        opened.add(c);
        return c;
    }

    /** @return the eleven score links of an invitation; none is a prefix of another */
    protected static List<URI> scoreLinks(String invitationId) {
        List<URI> links = new ArrayList<>(11);
        for (int s = 0; s <= 10; s++) {
            links.add(URI.create("https://kit.example/r/" + invitationId + "/score-" + s + "-end"));
        }
        return links;
    }

    /** @return an invitation of the kit's survey to a contact */
    protected static Delivery delivery(String invitationId, Contact contact) {
        return new Delivery(invitationId, 1, 0, SURVEY, contact, Locale.ENGLISH, scoreLinks(invitationId),
                Optional.of(URI.create("https://kit.example/u/" + invitationId)));
    }

    @Test
    @DisplayName("renders every one of the eleven score links exactly once in each version of the message")
    void rendersEveryScoreLinkExactlyOnce() {
        SendOutcome outcome = channel().send(delivery("kit-links", reachableContact("links")));

        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        List<ReceivedMessage> received = awaitReceived(1, Duration.ofSeconds(10));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).renderings()).isNotEmpty().allSatisfy(body -> {
            for (URI link : scoreLinks("kit-links")) {
                assertThat(occurrences(body, link.toString())).as("occurrences of the link for %s", link).isEqualTo(1);
            }
        });
    }

    @Test
    @DisplayName("reports accepted, refused and unreachable recipients as outcomes of the sealed type")
    void reportsOutcomesInTheSealedType() {
        Channel c = channel();

        SendOutcome accepted = c.send(delivery("kit-ok", reachableContact("ok")));
        SendOutcome refused = c.send(delivery("kit-refused", refusedContact()));
        SendOutcome unreachable = c.send(delivery("kit-none", Contact.of("kit-nobody").build()));

        assertThat(accepted).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(refused).isInstanceOf(SendOutcome.Permanent.class);
        assertThat(unreachable).isInstanceOf(SendOutcome.Permanent.class);
        assertThat(c.canReach(Contact.of("kit-nobody").build())).isFalse();
        assertThat(c.canReach(reachableContact("ok"))).isTrue();
    }

    @Test
    @DisplayName("never throws for a per-recipient failure")
    void neverThrowsForAPerRecipientFailure() {
        Channel c = channel();

        assertThatCode(() -> c.send(delivery("kit-refused", refusedContact()))).doesNotThrowAnyException();
        assertThatCode(() -> c.send(delivery("kit-none", Contact.of("kit-nobody").build()))).doesNotThrowAnyException();
        assertThat(c.send(delivery("kit-after", reachableContact("after")))).isInstanceOf(SendOutcome.Accepted.class);
    }

    @Test
    @DisplayName("gives an outcome within the configured timeout when the far end stalls")
    void honoursTimeouts() {
        Channel c = createChannelToStalledFarEnd(timeout());
        opened.add(c);
        long start = System.nanoTime();

        SendOutcome outcome = c.send(delivery("kit-stall", reachableContact("stall")));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThanOrEqualTo(timeout().plus(slack()));
        assertThat(outcome).isInstanceOfAny(SendOutcome.Retryable.class, SendOutcome.Ambiguous.class);
    }

    @Test
    @DisplayName("delivers every message exactly once when several threads send at the same time")
    void isSafeToCallFromSeveralThreads() throws Exception {
        Channel c = channel();
        int threads = 6;
        int messages = 30;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<SendOutcome>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < messages; i++) {
                String id = "kit-mt-" + i;
                Contact contact = reachableContact("mt" + i);
                futures.add(pool.submit((Callable<SendOutcome>) () -> c.send(delivery(id, contact))));
            }
            for (Future<SendOutcome> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isInstanceOf(SendOutcome.Accepted.class);
            }
        } finally {
            pool.shutdownNow();
        }
        List<ReceivedMessage> received = awaitReceived(messages, Duration.ofSeconds(20));
        Set<String> recipients = new HashSet<>();
        received.forEach(m -> recipients.add(m.recipient()));
        assertThat(received).hasSize(messages);
        assertThat(recipients).hasSize(messages);
    }

    @Test
    @DisplayName("keeps recipient addresses and comments out of logs and outcome reasons")
    void redactsPersonalDataInLogs() {
        Contact reachable = reachableContact("private").toBuilder().attribute("comment", SECRET_COMMENT).build();
        Contact refused = refusedContact().toBuilder().attribute("comment", SECRET_COMMENT).build();
        List<String> personal = new ArrayList<>(List.of(SECRET_COMMENT));
        for (Contact k : List.of(reachable, refused)) {
            k.email().ifPresent(personal::add);
            k.phone().ifPresent(personal::add);
        }
        List<SendOutcome> outcomes = new ArrayList<>();

        String logged = captureConsole(() -> {
            Channel c = channel();
            outcomes.add(c.send(delivery("kit-private-1", reachable)));
            outcomes.add(c.send(delivery("kit-private-2", refused)));
            Channel stalled = createChannelToStalledFarEnd(timeout());
            opened.add(stalled);
            outcomes.add(stalled.send(delivery("kit-private-3", reachable)));
            c.close();
            stalled.close();
        });

        assertThat(logged).as("the kit saw no log output; route the channel's logging to the console at debug level")
                .isNotBlank();
        for (String p : personal) {
            assertThat(logged).doesNotContain(p);
            assertThat(outcomes).allSatisfy(o -> assertThat(reason(o)).doesNotContain(p));
            assertThat(outcomes).allSatisfy(o -> assertThat(o.toString()).doesNotContain(p));
        }
        for (String p : personal) {
            assertThat(delivery("kit-private-1", reachable).toString()).doesNotContain(p);
        }
    }

    private static String reason(SendOutcome o) {
        if (o instanceof SendOutcome.Retryable r) {
            return r.reason();
        }
        if (o instanceof SendOutcome.Permanent p) {
            return p.reason();
        }
        if (o instanceof SendOutcome.Ambiguous a) {
            return a.reason();
        }
        return "";
    }

    private static int occurrences(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** Runs an action while copying everything written to System.out and System.err, which still go to the console. */
    private static String captureConsole(Runnable action) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new Tee(out, copy), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(err, copy), true, StandardCharsets.UTF_8));
            action.run();
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
        }
        return copy.toString(StandardCharsets.UTF_8);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public synchronized void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
