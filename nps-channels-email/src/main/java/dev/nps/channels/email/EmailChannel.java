package dev.nps.channels.email;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.Channel;
import dev.nps.spi.Delivery;
import dev.nps.spi.SendOutcome;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends survey invitations by email over SMTP (Jakarta Mail, Eclipse Angus).
 *
 * <p>Each message is multipart/alternative (text, then HTML) with the eleven one-click score links, the sender's
 * postal address, an unsubscribe link and the RFC 8058 one-click {@code List-Unsubscribe} headers. Its Message-ID
 * is derived from the invitation, so a retry carries the same one. Connections are pooled: a few connected
 * transports are shared by all threads and replaced after a number of messages or any error. Every wait has a
 * finite timeout, and after repeated connection failures a circuit breaker fails sends fast for a cool-down, so
 * the dispatcher pauses the channel instead of spending every invitation's attempts.
 *
 * <p>Outcomes: a 4xx reply is {@code Retryable}; a 5xx for the recipient is {@code Permanent} (with
 * {@code suppressRecipient} for unknown mailboxes, which are also reported to {@link EmailSuppressions}); refused
 * connections and failed authentication are {@code Retryable} with {@code channelDown}; a timeout after the
 * message data went out is {@code Ambiguous}, one before it {@code Retryable}; a malformed address is
 * {@code Permanent} before anything is sent.
 *
 * <pre>{@code
 * EmailChannel email = EmailChannel.smtp(SmtpSettings.builder()
 *         .host("smtp.example.com").security(SmtpSecurity.STARTTLS).credentials("surveys", secret)
 *         .from("surveys@example.com").brandName("Acme").postalAddress("Acme Inc., 1 Main St, Springfield")
 *         .build());
 * }</pre>
 *
 * @since 0.1
 */
public final class EmailChannel implements Channel {
    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private final SmtpSettings settings;
    private final EmailSuppressions suppressions;
    private final ScheduledExecutorService writeTimeouts;
    private final TransportPool pool;
    private final MessageRenderer renderer;
    private final CircuitBreaker breaker;
    private final Duration poolWait;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmailChannel(Builder b) {
        this.settings = b.settings;
        this.suppressions = b.suppressions;
        this.writeTimeouts = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nps-email-write-timeout");
            t.setDaemon(true);
            return t;
        });
        Session session = Session.getInstance(properties(settings, writeTimeouts));
        this.pool = new TransportPool(session, settings, b.clock);
        this.renderer = new MessageRenderer(settings, session, b.clock);
        // The longest one send can hold a connection: connect, a few replies, the content.
        this.poolWait = settings.connectTimeout().plus(settings.readTimeout().multipliedBy(2)).plus(settings.writeTimeout());
        this.breaker = new CircuitBreaker(settings.breakerThreshold(), settings.breakerCoolDown(), poolWait, b.clock);
        LOG.info("email channel ready: {}", settings);
    }

    /**
     * Creates a channel sending through an SMTP server, with no suppression listener and the system clock.
     *
     * @param settings the server and message settings, never null
     * @return the channel; close it to release its connections
     */
    public static EmailChannel smtp(SmtpSettings settings) {
        return builder(settings).build();
    }

    /**
     * @param settings the server and message settings, never null
     * @return a builder for a channel with a suppression listener or a clock of its own
     */
    public static Builder builder(SmtpSettings settings) {
        return new Builder(settings);
    }

    @Override
    public ChannelName name() {
        return ChannelName.EMAIL;
    }

    @Override
    public boolean canReach(Contact contact) {
        return Objects.requireNonNull(contact, "contact").email().isPresent();
    }

    /**
     * Sends one invitation. Never throws for a recipient's or server's failure; the outcome says what happened.
     *
     * @param delivery the message to send, never null; must carry the eleven score links
     * @return the outcome, never null
     * @throws NpsException CLOSED after {@link #close()}; CONFIGURATION when the delivery has no score links
     */
    @Override
    public SendOutcome send(Delivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        if (closed.get()) {
            throw new NpsException(ErrorCode.CLOSED, "the email channel is closed");
        }
        if (delivery.scoreLinks().isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, "an email invitation needs the eleven score links; configure the engine's"
                    + " response links (NpsEngine.builder().responseLinks(...))");
        }
        Optional<String> email = delivery.contact().email().map(String::strip);
        if (email.isEmpty()) {
            return log(delivery, new SendOutcome.Permanent("the contact has no email address", false));
        }
        Optional<String> malformed = Addresses.check(email.get());
        if (malformed.isPresent()) {
            return log(delivery, new SendOutcome.Permanent("malformed recipient address: " + malformed.get(), false));
        }
        Optional<Duration> blocked = breaker.blockedFor();
        if (blocked.isPresent()) {
            return log(delivery, new SendOutcome.Retryable(blocked, "the email channel fails fast after "
                    + settings.breakerThreshold() + " consecutive connection failures; next try in " + blocked.get().toSeconds() + "s",
                    true));
        }
        SendOutcome outcome;
        try {
            MessageRenderer.TrackedMessage message = renderer.render(delivery, email.get());
            outcome = deliver(message, Addresses.needsSmtpUtf8(email.get()));
        } catch (MessagingException e) {
            throw new IllegalStateException("building a MIME message failed: " + e.getClass().getSimpleName(), e);
        } finally {
            breaker.settle();
        }
        if (outcome instanceof SendOutcome.Permanent p && p.suppressRecipient()) {
            try {
                suppressions.suppress(email.get(), EmailSuppressions.Reason.HARD_BOUNCE);
            } catch (RuntimeException e) {
                LOG.warn("invitation {}: the suppression listener failed ({})", delivery.invitationId(), e.getClass().getSimpleName());
            }
        }
        return log(delivery, outcome);
    }

    private SendOutcome deliver(MessageRenderer.TrackedMessage message, boolean needsSmtpUtf8) {
        for (int attempt = 0; ; attempt++) {
            TransportPool.Connection c;
            try {
                c = pool.borrow(poolWait);
            } catch (TransportPool.Busy e) {
                return Outcomes.retry("all " + settings.poolSize() + " SMTP connections stayed busy for " + poolWait.toSeconds() + "s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcomes.retry("interrupted while waiting for an SMTP connection");
            } catch (MessagingException e) {
                SendOutcome o = Outcomes.connectFailure(e);
                breaker.record(true);
                return o;
            }
            if (needsSmtpUtf8 && !c.supportsSmtpUtf8()) {
                pool.giveBack(c, false, true);
                breaker.record(false);
                return new SendOutcome.Permanent("the recipient address has non-ASCII characters and the SMTP server does not"
                        + " offer SMTPUTF8", false);
            }
            try {
                c.transport.sendMessage(message, message.getAllRecipients());
                pool.giveBack(c, true, true);
                breaker.record(false);
                return SendOutcome.accepted(message.id());
            } catch (MessagingException | IllegalStateException e) {
                pool.giveBack(c, false, false);
                Outcomes.Failure f = e instanceof MessagingException m ? Outcomes.sendFailure(m, message.contentWritten())
                        : new Outcomes.Failure(Outcomes.retry("the SMTP connection was closed before the message was sent"), true);
                if (f.freshConnectionMayHelp() && !c.fresh && attempt == 0) {
                    LOG.debug("a pooled SMTP connection had been dropped; retrying on a new one");
                    continue;
                }
                breaker.record(f.outcome() instanceof SendOutcome.Retryable r && r.channelDown());
                return f.outcome();
            }
        }
    }

    private static SendOutcome log(Delivery d, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Accepted) {
            LOG.debug("invitation {} attempt {}: accepted by the SMTP server", d.invitationId(), d.attempt());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("invitation {} attempt {}: {}", d.invitationId(), d.attempt(), outcome);
        }
        return outcome;
    }

    /**
     * Renders an invitation without sending it, e.g. to check custom templates.
     *
     * @param delivery the message, never null
     * @return the subject and both bodies
     */
    public RenderedEmail preview(Delivery delivery) {
        return renderer.preview(Objects.requireNonNull(delivery, "delivery"));
    }

    /** @return the settings this channel was built with */
    public SmtpSettings settings() {
        return settings;
    }

    /** @return how many SMTP connections this channel has opened so far */
    public long connectionsOpened() {
        return pool.opened();
    }

    /** Waits for in-flight sends (at most one send's worth of timeouts), then closes every connection. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close(poolWait);
            writeTimeouts.shutdownNow();
        }
    }

    private static Properties properties(SmtpSettings s, ScheduledExecutorService writeTimeouts) {
        Properties p = new Properties();
        for (String proto : new String[] {"smtp", "smtps"}) {
            String k = "mail." + proto + ".";
            p.put(k + "connectiontimeout", String.valueOf(s.connectTimeout().toMillis()));
            p.put(k + "timeout", String.valueOf(s.readTimeout().toMillis()));
            p.put(k + "writetimeout", String.valueOf(s.writeTimeout().toMillis()));
            // One shared timer thread instead of one per connection (Angus' default for writetimeout).
            p.put(k + "executor.writetimeout", writeTimeouts);
            p.put(k + "auth", String.valueOf(s.username().isPresent()));
            p.put(k + "quitwait", "false");
            p.put(k + "ssl.checkserveridentity", "true");
        }
        if (s.security() == SmtpSecurity.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        // Headers in UTF-8 and SMTPUTF8 in MAIL FROM when the server offers it (RFC 6531).
        p.put("mail.mime.allowutf8", "true");
        return p;
    }

    @Override
    public String toString() {
        return "EmailChannel[" + settings + "]";
    }

    /** Builds an {@link EmailChannel}. */
    public static final class Builder {
        private final SmtpSettings settings;
        private EmailSuppressions suppressions = EmailSuppressions.none();
        private Clock clock = Clock.systemUTC();

        private Builder(SmtpSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Sets where unknown mailboxes are reported (the engine's suppression list). */
        public Builder suppressions(EmailSuppressions suppressions) {
            this.suppressions = Objects.requireNonNull(suppressions, "suppressions");
            return this;
        }

        /** Sets the clock of the circuit breaker, the idle check and the Date header. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return a new channel; nothing connects until the first send */
        public EmailChannel build() {
            return new EmailChannel(this);
        }
    }
}
