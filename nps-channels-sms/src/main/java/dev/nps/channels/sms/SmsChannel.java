package dev.nps.channels.sms;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.QuietHours;
import dev.nps.spi.Channel;
import dev.nps.spi.Delivery;
import dev.nps.spi.SendOutcome;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel: writes the invitation (reply "0-10" or one short link, within a maximum number of segments)
 * and sends it over a Twilio-compatible REST API or SMPP 3.4. Replies and delivery statuses come back through
 * {@link SmsWebhooks} (REST) or the SMPP session itself, into the {@link SmsConversation} and the
 * {@link SmsStatusListener} connected here. Thread-safe.
 *
 * <pre>{@code
 * SmsChannel sms = SmsChannel.builder()
 *     .rest(RestConfig.of(accountSid, authToken, "+15005550006"))
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class SmsChannel implements Channel {
    private static final Logger LOG = LoggerFactory.getLogger(SmsChannel.class);

    /** First local time at which SMS may be sent by default (TCPA: 8 a.m. in the recipient's zone). */
    public static final LocalTime ALLOWED_FROM = LocalTime.of(8, 0);
    /** First local time at which SMS may no longer be sent by default (TCPA: 9 p.m. in the recipient's zone). */
    public static final LocalTime ALLOWED_UNTIL = LocalTime.of(21, 0);
    /** The default quiet window for SMS, 21:00-08:00 in the recipient's zone: {@link QuietHours#SMS_DEFAULT}. */
    public static final QuietHours DEFAULT_QUIET_HOURS = QuietHours.SMS_DEFAULT;

    private final SmsTransport transport;
    private final SmsComposer composer;
    private final SmsStatusTracker tracker;
    private volatile SmsStatusListener statusListener = SmsStatusListener.NONE;
    private volatile Optional<SmsConversation> conversation = Optional.empty();

    private SmsChannel(Builder b, java.util.function.Function<SmsChannel, SmsTransport> transport) {
        this.composer = b.composer;
        this.tracker = new SmsStatusTracker((id, status, error) -> statusListener.onStatus(id, status, error), b.trackerCapacity);
        // Last: the SMPP transport calls back into this channel (receipts, inbound) once started.
        this.transport = transport.apply(this);
    }

    /** What the SMPP session reports back: receipts to the tracker, inbound messages to the conversation. */
    private final class SmppCallbacks implements SmppTransport.Callbacks {
        @Override
        public void onStatus(String providerMessageId, SmsStatus status, Optional<String> errorCode) {
            tracker.report(providerMessageId, status, errorCode);
        }

        @Override
        public Optional<SmsConversation> conversation() {
            return conversation;
        }
    }

    /** @return a builder; set exactly one transport */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ChannelName name() {
        return ChannelName.SMS;
    }

    /** @return true when the contact has a phone number and consented to SMS */
    @Override
    public boolean canReach(Contact contact) {
        return contact.phone().isPresent() && contact.consentsTo(ChannelName.SMS);
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        Optional<String> phone = delivery.contact().phone();
        if (phone.isEmpty()) {
            return new SendOutcome.Permanent("contact has no phone number", false);
        }
        SmsComposer.Composed message;
        try {
            message = composer.compose(delivery);
        } catch (NpsException e) {
            LOG.error("SMS invitation {} not composed: {}", delivery.invitationId(), e.getMessage());
            return new SendOutcome.Permanent(e.getMessage(), false);
        }
        SendOutcome outcome = transport.send(phone.get(), message.text(), message.segments(), delivery.invitationId());
        LOG.debug("SMS invitation {} ({} segments, {}): {}", delivery.invitationId(), message.segments().segments(),
                message.segments().encoding(), outcome.getClass().getSimpleName());
        return outcome;
    }

    /**
     * Sends a free text (a reply of a conversation) to a number.
     *
     * @param phone E.164 number
     * @param text  the text
     * @return the outcome
     */
    public SendOutcome sendText(String phone, String text) {
        Contact.requirePhone(phone);
        Objects.requireNonNull(text, "text");
        return transport.send(phone, text, SmsSegments.of(text), "reply");
    }

    /**
     * Connects the engine's reply handling: inbound SMS arriving over SMPP go through it, and its answers are sent
     * back. (Over REST, mount {@link SmsWebhooks#inbound} with the same conversation.)
     *
     * @param conversation the conversation, or null to ignore inbound messages
     */
    public void connectConversation(SmsConversation conversation) {
        this.conversation = Optional.ofNullable(conversation);
    }

    /**
     * Connects a listener to delivery status changes (from SMPP receipts, and from REST status callbacks when
     * {@link SmsWebhooks#statusCallback} is mounted with {@link #statusTracker()}).
     *
     * @param listener the listener, or null for none
     */
    public void connectStatusListener(SmsStatusListener listener) {
        this.statusListener = listener == null ? SmsStatusListener.NONE : listener;
    }

    /** @return the tracker that keeps statuses monotonic; mount status callbacks on it */
    public SmsStatusTracker statusTracker() {
        return tracker;
    }

    /** @return the composer this channel writes invitations with */
    public SmsComposer composer() {
        return composer;
    }

    Optional<SmsConversation> conversation() {
        return conversation;
    }

    /** @return the transport's description, without secrets */
    public String describe() {
        return "sms(" + transport.describe() + ")";
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Builds an {@link SmsChannel}; set exactly one of {@link #rest} and {@link #smpp}. */
    public static final class Builder {
        private RestConfig rest;
        private SmppConfig smpp;
        private SmsComposer composer = SmsComposer.defaults();
        private Clock clock = Clock.systemUTC();
        private int trackerCapacity = SmsStatusTracker.DEFAULT_CAPACITY;

        private Builder() {}

        /** Sends through a Twilio-compatible REST API. */
        public Builder rest(RestConfig config) {
            Objects.requireNonNull(config, "config");
            if (smpp != null || rest != null) {
                throw NpsException.invalid("sms.transport", "already set to " + (smpp != null ? "smpp" : "rest") + "; set one transport");
            }
            this.rest = config;
            return this;
        }

        /** Sends over SMPP 3.4. */
        public Builder smpp(SmppConfig config) {
            Objects.requireNonNull(config, "config");
            if (smpp != null || rest != null) {
                throw NpsException.invalid("sms.transport", "already set to " + (smpp != null ? "smpp" : "rest") + "; set one transport");
            }
            this.smpp = config;
            return this;
        }

        /** Sets how invitations are written (texts, reply or link, maximum segments). */
        public Builder composer(SmsComposer composer) {
            this.composer = Objects.requireNonNull(composer, "composer");
            return this;
        }

        /** Sets the clock (Retry-After dates are read against it). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets how many message ids the status tracker remembers. */
        public Builder statusMemory(int messages) {
            if (messages < 1) {
                throw NpsException.invalid("sms.status-memory", "must be at least 1 (got " + messages + ")");
            }
            this.trackerCapacity = messages;
            return this;
        }

        /**
         * Opens the transport (an SMPP session binds here).
         *
         * @return the channel
         * @throws NpsException {@code CONFIGURATION} when no transport is set
         */
        public SmsChannel build() {
            if (rest == null && smpp == null) {
                throw new NpsException(ErrorCode.CONFIGURATION, "sms.transport: set rest(...) or smpp(...)");
            }
            if (rest != null) {
                RestConfig config = rest;
                Clock c = clock;
                return new SmsChannel(this, channel -> new RestTransport(config, c));
            }
            SmppConfig config = smpp;
            SmsChannel channel = new SmsChannel(this, ch -> new SmppTransport(config, ch.new SmppCallbacks()));
            ((SmppTransport) channel.transport).start();
            return channel;
        }
    }
}
