package dev.nps.channels.sms;

import dev.nps.api.Contact;
import dev.nps.api.NpsException;
import dev.nps.spi.SendOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends over one SMPP 3.4 transceiver session with jSMPP: submit_sm with a registered delivery receipt, up to
 * a window of submits in flight, adaptive pacing when the SMSC throttles, enquire_link keep-alive, and a
 * rebind with exponential backoff whenever the session drops.
 */
final class SmppTransport implements SmsTransport {
    private static final Logger LOG = LoggerFactory.getLogger(SmppTransport.class);

    /** What the transport reports back to the channel. */
    interface Callbacks {
        void onStatus(String providerMessageId, SmsStatus status, Optional<String> errorCode);

        Optional<SmsConversation> conversation();
    }

    private final SmppConfig config;
    private final Callbacks callbacks;
    private final Semaphore window;
    private final AdaptivePacer pacer;
    private final ScheduledExecutorService rebinder;
    private final ExecutorService replies;
    private final AtomicInteger failedBinds = new AtomicInteger();
    private final TypeOfNumber sourceTon;
    private final NumberingPlanIndicator sourceNpi;
    private final String source;
    private volatile SMPPSession session;
    private volatile boolean closed;
    private volatile long nextBindAtMillis;
    private volatile String lastBindProblem = "not bound yet";

    SmppTransport(SmppConfig config, Callbacks callbacks) {
        this.config = config;
        this.callbacks = callbacks;
        this.window = new Semaphore(config.window(), true);
        this.pacer = new AdaptivePacer(config.maxRatePerSecond());
        this.rebinder = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "nps-sms-smpp-bind"));
        this.replies = Executors.newSingleThreadExecutor(r -> daemon(r, "nps-sms-smpp-replies"));
        String src = config.sourceAddress();
        if (src.startsWith("+")) {
            sourceTon = TypeOfNumber.INTERNATIONAL;
            sourceNpi = NumberingPlanIndicator.ISDN;
            source = src.substring(1);
        } else if (src.chars().allMatch(Character::isDigit)) {
            sourceTon = TypeOfNumber.UNKNOWN;
            sourceNpi = NumberingPlanIndicator.ISDN;
            source = src;
        } else {
            sourceTon = TypeOfNumber.ALPHANUMERIC;
            sourceNpi = NumberingPlanIndicator.UNKNOWN;
            source = src;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Binds once now; on failure keeps trying in the background with backoff. */
    void start() {
        if (!bind()) {
            scheduleRebind();
        }
    }

    private boolean bind() {
        if (closed) {
            return false;
        }
        SMPPSession s = new SMPPSession(this::connect);
        s.setEnquireLinkTimer((int) Math.min(Integer.MAX_VALUE, config.enquireLinkInterval().toMillis()));
        s.setTransactionTimer(config.responseTimeout().toMillis());
        s.setMessageReceiverListener(new Receiver());
        try {
            s.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(), config.password(),
                    config.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), config.responseTimeout().toMillis());
        } catch (IOException e) {
            lastBindProblem = "bind failed: " + e.getMessage();
            LOG.warn("SMPP bind to {}:{} failed ({}); attempt {}", config.host(), config.port(), e.getMessage(), failedBinds.get() + 1);
            s.close();
            return false;
        }
        if (closed) {
            // close() ran while this bind was in progress: do not leave a session behind.
            s.unbindAndClose();
            return true;
        }
        s.addSessionStateListener(this::onStateChange);
        session = s;
        if (!s.getSessionState().isBound()) {
            // It dropped between the bind and the listener: let the listener's logic run once.
            onStateChange(s.getSessionState(), SessionState.BOUND_TRX, s);
            return true;
        }
        failedBinds.set(0);
        LOG.info("SMPP session bound to {}:{} as transceiver", config.host(), config.port());
        return true;
    }

    /**
     * Opens the socket with a connect timeout (jSMPP's default factory has none) and without Nagle's algorithm:
     * SMPP is request/response, and a small submit held back for a delayed ACK costs tens of milliseconds.
     */
    private org.jsmpp.session.connection.Connection connect(String host, int port) throws IOException {
        java.net.Socket socket = new java.net.Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new java.net.InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, config.responseTimeout().toMillis()));
            return new org.jsmpp.session.connection.socket.SocketConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (newState.isBound() || source != session) {
            return;
        }
        if (newState == SessionState.CLOSED || newState == SessionState.UNBOUND) {
            session = null;
            lastBindProblem = "session dropped";
            if (!closed) {
                LOG.warn("SMPP session to {}:{} dropped; binding again", config.host(), config.port());
                scheduleRebind();
            }
        }
    }

    private void scheduleRebind() {
        if (closed) {
            return;
        }
        int attempt = failedBinds.getAndIncrement();
        long min = config.rebindMin().toMillis();
        long delay = Math.min(config.rebindMax().toMillis(), min << Math.min(attempt, 20));
        // Jitter, so that many instances do not hammer a recovering SMSC in step.
        delay = (long) (delay * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        nextBindAtMillis = System.currentTimeMillis() + delay;
        try {
            rebinder.schedule(() -> {
                if (!bind()) {
                    scheduleRebind();
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closing.
        }
    }

    @Override
    public SendOutcome send(String to, String text, SmsSegments segments, String reference) {
        SMPPSession s = session;
        if (s == null || !s.getSessionState().isBound()) {
            long wait = Math.max(0, nextBindAtMillis - System.currentTimeMillis());
            return new SendOutcome.Retryable(Optional.of(Duration.ofMillis(Math.max(wait, 100))), "SMPP " + lastBindProblem, true);
        }
        boolean permit = false;
        try {
            permit = window.tryAcquire(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!permit) {
                return new SendOutcome.Retryable(Optional.of(Duration.ofSeconds(1)), "SMPP window full", false);
            }
            pacer.acquire();
            return submit(s, to, text, segments);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Retryable(Optional.empty(), "interrupted before submit", false);
        } finally {
            if (permit) {
                window.release();
            }
        }
    }

    private SendOutcome submit(SMPPSession s, String to, String text, SmsSegments segments) {
        boolean gsm = segments.encoding() == SmsEncoding.GSM7;
        byte[] payload = gsm ? Gsm7.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
        DataCoding coding = new GeneralDataCoding(gsm ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2);
        byte[] shortMessage = payload;
        OptionalParameter[] params = {};
        if (segments.segments() > 1) {
            // Longer than one segment: message_payload lets the SMSC split it (SMPP 3.4, 5.3.2.32).
            shortMessage = new byte[0];
            params = new OptionalParameter[] {new OptionalParameter.Message_payload(payload)};
        }
        try {
            SubmitSmResult r = s.submitShortMessage("", sourceTon, sourceNpi, source, TypeOfNumber.INTERNATIONAL,
                    NumberingPlanIndicator.ISDN, to.substring(1), new ESMClass(), (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, coding, (byte) 0, shortMessage, params);
            pacer.onSuccess();
            return SendOutcome.accepted(r.getMessageId());
        } catch (NegativeResponseException e) {
            return negative(e.getCommandStatus());
        } catch (ResponseTimeoutException e) {
            return new SendOutcome.Ambiguous("no submit_sm_resp within " + config.responseTimeout());
        } catch (InvalidResponseException e) {
            return new SendOutcome.Ambiguous("invalid submit_sm_resp");
        } catch (PDUException e) {
            return new SendOutcome.Permanent("submit_sm rejected locally: " + e.getMessage(), false);
        } catch (IOException e) {
            // The PDU could not be written: the session is gone, nothing left.
            return new SendOutcome.Retryable(Optional.of(config.rebindMin()), "SMPP session failed while writing", true);
        }
    }

    private SendOutcome negative(int status) {
        String hex = String.format("0x%08X", status);
        return switch (status) {
            case SMPPConstant.STAT_ESME_RTHROTTLED, SMPPConstant.STAT_ESME_RMSGQFUL -> {
                pacer.onThrottled();
                Duration interval = pacer.interval();
                LOG.info("SMSC throttled submits ({}); spacing them {} ms apart", hex, interval.toMillis());
                yield new SendOutcome.Retryable(Optional.of(max(Duration.ofSeconds(1), interval)), "SMSC throttled (" + hex + ")", false);
            }
            case SMPPConstant.STAT_ESME_RINVDSTADR -> new SendOutcome.Permanent("invalid destination address (" + hex + ")", true);
            case SMPPConstant.STAT_ESME_RINVSRCADR, SMPPConstant.STAT_ESME_RINVMSGLEN, SMPPConstant.STAT_ESME_RINVDCS ->
                    new SendOutcome.Permanent("submit_sm refused (" + hex + ")", false);
            case SMPPConstant.STAT_ESME_RINVBNDSTS -> new SendOutcome.Retryable(Optional.empty(), "session not bound (" + hex + ")", true);
            default -> new SendOutcome.Retryable(Optional.empty(), "submit_sm refused (" + hex + ")", false);
        };
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** @return the current spacing between submits (for tests and metrics) */
    Duration pacing() {
        return pacer.interval();
    }

    /** @return whether a session is bound now */
    boolean bound() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    @Override
    public String describe() {
        return "smpp:" + config.host() + ":" + config.port();
    }

    @Override
    public void close() {
        closed = true;
        rebinder.shutdownNow();
        replies.shutdown();
        SMPPSession s = session;
        session = null;
        if (s != null) {
            s.unbindAndClose();
        }
        try {
            replies.awaitTermination(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Optional<SmsStatus> receiptStatus(DeliveryReceiptState state) {
        return switch (state) {
            case DELIVRD -> Optional.of(SmsStatus.DELIVERED);
            case UNDELIV -> Optional.of(SmsStatus.UNDELIVERED);
            case EXPIRED, DELETED, REJECTD -> Optional.of(SmsStatus.FAILED);
            case ENROUTE, ACCEPTD -> Optional.of(SmsStatus.SENT);
            default -> Optional.empty();
        };
    }

    static String decode(byte dataCoding, byte[] bytes) {
        int dcs = dataCoding & 0xFF;
        if (dcs == SMPPConstant.DC_UCS2 || (dcs & 0xEC) == 0x08 && (dcs & 0xC0) == 0) {
            return new String(bytes, StandardCharsets.UTF_16BE);
        }
        if (dcs == SMPPConstant.DC_LATIN1) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (dcs == SMPPConstant.DC_IA5) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        return Gsm7.decode(bytes);
    }

    /** Receipts and inbound messages of the session. */
    private final class Receiver implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm d) throws ProcessRequestException {
            if (d.isSmscDeliveryReceipt()) {
                try {
                    DeliveryReceipt r = d.getShortMessageAsDeliveryReceipt();
                    Optional<String> error = Optional.ofNullable(r.getError()).filter(e -> !e.isBlank() && !e.chars().allMatch(c -> c == '0'));
                    receiptStatus(r.getFinalStatus()).ifPresent(st -> callbacks.onStatus(r.getId(), st, error));
                } catch (InvalidDeliveryReceiptException e) {
                    LOG.warn("SMPP delivery receipt not understood; acknowledged and ignored");
                }
                return;
            }
            byte[] bytes = d.getShortMessage();
            if (bytes == null || bytes.length == 0) {
                OptionalParameter p = d.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
                bytes = p instanceof OptionalParameter.OctetString o ? o.getValue() : new byte[0];
            }
            String text = decode(d.getDataCoding(), bytes);
            String addr = d.getSourceAddr() == null ? "" : d.getSourceAddr();
            String from = addr.startsWith("+") ? addr : "+" + addr;
            Optional<SmsConversation> conversation = callbacks.conversation();
            if (conversation.isEmpty()) {
                LOG.debug("inbound SMS over SMPP ignored: no conversation connected");
                return;
            }
            // Off the PDU reader's thread: the engine and the replies may take a while.
            replies.execute(() -> answer(conversation.get(), from, text));
        }

        private void answer(SmsConversation conversation, String from, String text) {
            try {
                Contact.requirePhone(from);
                List<String> answers = conversation.onInbound(from, text);
                for (String a : answers) {
                    SendOutcome o = send(from, a, SmsSegments.of(a), "reply");
                    if (!(o instanceof SendOutcome.Accepted)) {
                        LOG.warn("SMS reply not sent: {}", o);
                    }
                }
            } catch (NpsException e) {
                LOG.warn("inbound SMS over SMPP not applied: {}", e.code());
            } catch (RuntimeException e) {
                LOG.error("inbound SMS over SMPP failed", e);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // Not used: the ESME does not register for alerts.
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
