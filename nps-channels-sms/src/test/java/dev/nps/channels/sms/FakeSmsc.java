package dev.nps.channels.sms;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An in-process SMSC on jSMPP's server session: accepts transceiver binds, answers submit_sm with a message id,
 * sends delivery receipts when asked, and can throttle every Nth submit or drop the session at a given submit.
 */
final class FakeSmsc implements AutoCloseable {
    static final String SYSTEM_ID = "nps";
    static final String PASSWORD = "secret";

    /** One received submit_sm. */
    record Submit(String messageId, String destination, byte dataCoding, byte[] shortMessage, byte[] payload, byte registeredDelivery) {
        String text() {
            return SmppTransport.decode(dataCoding, shortMessage.length > 0 ? shortMessage : payload);
        }
    }

    private final SMPPServerSessionListener listener;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-smsc");
        t.setDaemon(true);
        return t;
    });
    final int port;
    final List<Submit> submits = new CopyOnWriteArrayList<>();
    final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    final AtomicInteger submitCount = new AtomicInteger();
    final AtomicInteger binds = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile int throttleEvery;
    volatile int dropAtSubmit;
    /** A destination (without '+') the SMSC refuses with ESME_RINVDSTADR. */
    volatile String refusedDestination = "15005550001";
    volatile DeliveryReceiptState receiptState = DeliveryReceiptState.DELIVRD;
    volatile long latencyNanos;
    private volatile boolean closed;

    FakeSmsc() throws IOException {
        int p;
        try (ServerSocket s = new ServerSocket(0)) {
            p = s.getLocalPort();
        }
        port = p;
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new Receipts());
        executor.execute(this::acceptLoop);
    }

    SmppConfig config() {
        return SmppConfig.of("127.0.0.1", port, SYSTEM_ID, PASSWORD, "+15005550006")
                .withTimers(java.time.Duration.ofSeconds(30), java.time.Duration.ofMillis(800), java.time.Duration.ofMillis(20),
                        java.time.Duration.ofMillis(200));
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                executor.execute(() -> bind(session));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            if (request.getBindType() != BindType.BIND_TRX || !SYSTEM_ID.equals(request.getSystemId())
                    || !PASSWORD.equals(request.getPassword())) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                return;
            }
            request.accept(SYSTEM_ID);
            sessions.add(session);
            binds.incrementAndGet();
        } catch (TimeoutException | IOException | PDUStringException | IllegalStateException e) {
            session.close();
        }
    }

    SMPPServerSession current() {
        return sessions.get(sessions.size() - 1);
    }

    /** Sends a mobile-originated message to the bound ESME. */
    void deliverInbound(String fromWithoutPlus, String text) throws Exception {
        byte[] bytes = Gsm7.encode(text);
        current().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, fromWithoutPlus,
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "15005550006", new ESMClass(), (byte) 0, (byte) 0,
                new RegisteredDelivery(), new GeneralDataCoding(), bytes);
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            int n = submitCount.incrementAndGet();
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                if (dropAtSubmit > 0 && n == dropAtSubmit) {
                    // The link fails while this submit is in flight: no response ever comes.
                    source.close();
                    throw new ProcessRequestException("dropped", SMPPConstant.STAT_ESME_RSYSERR);
                }
                if (submitSm.getDestAddress().equals(refusedDestination)) {
                    throw new ProcessRequestException("invalid destination", SMPPConstant.STAT_ESME_RINVDSTADR);
                }
                if (throttleEvery > 0 && n % throttleEvery == 0) {
                    throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
                }
                if (latencyNanos > 0) {
                    LockSupport.parkNanos(latencyNanos);
                }
                String id = Integer.toHexString(0x10000 + n);
                OptionalParameter payload = submitSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
                byte[] p = payload instanceof OptionalParameter.OctetString o ? o.getValue() : new byte[0];
                submits.add(new Submit(id, submitSm.getDestAddress(), submitSm.getDataCoding(), submitSm.getShortMessage(), p,
                        submitSm.getRegisteredDelivery()));
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException("bad id", SMPPConstant.STAT_ESME_RSYSERR);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    /** Sends the receipt after the submit_sm_resp went out, as a real SMSC does. */
    private final class Receipts implements ServerResponseDeliveryListener {
        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
            Submit submit = submits.stream().filter(s -> s.messageId().equals(result.getMessageId())).findFirst().orElse(null);
            if (submit == null || !SMSCDeliveryReceipt.SUCCESS_FAILURE.containedIn(submit.registeredDelivery())) {
                return;
            }
            executor.execute(() -> {
                try {
                    DeliveryReceipt receipt = new DeliveryReceipt(result.getMessageId(), 1, 1, new Date(), new Date(), receiptState,
                            receiptState == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
                    source.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, submit.destination(),
                            TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "15005550006",
                            new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
                            new RegisteredDelivery(), new GeneralDataCoding(), receipt.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    // The session may be gone (dropped on purpose); the receipt is lost, as it would be.
                }
            });
        }

        @Override
        public void onSubmitSmRespError(SubmitSmResult result, Exception e, SMPPServerSession source) {}

        @Override
        public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {}

        @Override
        public void onSubmitMultiRespError(SubmitMultiResult result, Exception e, SMPPServerSession source) {}
    }

    @Override
    public void close() throws IOException {
        closed = true;
        sessions.forEach(SMPPServerSession::close);
        listener.close();
        executor.shutdownNow();
    }
}
