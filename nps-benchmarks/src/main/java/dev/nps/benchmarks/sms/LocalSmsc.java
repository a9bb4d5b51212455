package dev.nps.benchmarks.sms;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.SMPPConstant;
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

/** An in-process SMSC (jSMPP server session) that accepts every submit and sends a delivery receipt for each. */
final class LocalSmsc implements AutoCloseable {
    static final String SYSTEM_ID = "bench";
    static final String PASSWORD = "bench";

    private final SMPPServerSessionListener listener;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-smsc");
        t.setDaemon(true);
        return t;
    });
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    final int port;
    private volatile boolean closed;

    LocalSmsc() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port, new NoDelayServerConnectionFactory());
        listener.setPduProcessorDegree(4);
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new Receipts());
        executor.execute(() -> {
            while (!closed) {
                try {
                    SMPPServerSession session = listener.accept();
                    executor.execute(() -> bind(session));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            if (!SYSTEM_ID.equals(request.getSystemId()) || !PASSWORD.equals(request.getPassword())) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                return;
            }
            request.accept(SYSTEM_ID);
            sessions.add(session);
        } catch (Exception e) {
            session.close();
        }
    }

    /** Accepted sockets without Nagle's algorithm, as an SMSC would configure them. */
    private static final class NoDelayServerConnectionFactory implements org.jsmpp.session.connection.ServerConnectionFactory {
        @Override
        public org.jsmpp.session.connection.ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public org.jsmpp.session.connection.ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public org.jsmpp.session.connection.ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket(port, backlog, java.net.InetAddress.getLoopbackAddress());
            socket.setSoTimeout(timeout);
            return new org.jsmpp.session.connection.socket.ServerSocketConnection(socket) {
                @Override
                public org.jsmpp.session.connection.Connection accept() throws IOException {
                    java.net.Socket s = socket.accept();
                    s.setTcpNoDelay(true);
                    return new org.jsmpp.session.connection.socket.SocketConnection(s);
                }
            };
        }
    }

    long received() {
        return counter.get();
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            try {
                return new SubmitSmResult(new MessageId(Long.toHexString(0x100000L + counter.incrementAndGet())), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException("id", SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm c, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    private final class Receipts implements ServerResponseDeliveryListener {
        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
            executor.execute(() -> {
                try {
                    DeliveryReceipt r = new DeliveryReceipt(result.getMessageId(), 1, 1, new Date(), new Date(), DeliveryReceiptState.DELIVRD, "000", "");
                    source.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "4915100000000",
                            TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "15005550006",
                            new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
                            new RegisteredDelivery(), new GeneralDataCoding(), r.toString().getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    // Session closing at tear-down.
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
