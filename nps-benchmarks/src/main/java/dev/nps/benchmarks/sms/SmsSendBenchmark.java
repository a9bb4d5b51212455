package dev.nps.benchmarks.sms;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.channels.sms.RestConfig;
import dev.nps.channels.sms.SmppConfig;
import dev.nps.channels.sms.SmsChannel;
import dev.nps.spi.Delivery;
import dev.nps.spi.SendOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SMS invitations per second through the SMS channel, composed and sent for real over loopback: the REST
 * transport into a local Messages endpoint (JDK HttpServer) and SMPP into an in-process jSMPP SMSC that
 * sends a delivery receipt for every message. {@code concurrency} is the number of sending threads; for SMPP it
 * is also the window (submits in flight on the one session), so 1 is strictly one request and response at a time.
 *
 * <p>Run: {@code java -jar nps-benchmarks/target/benchmarks.jar SmsSendBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
// The JDK HttpServer delays small responses behind Nagle's algorithm unless told otherwise; a real API does not.
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class SmsSendBenchmark {
    static final int BATCH = 200;

    @Param({"rest", "smpp"})
    public String transport;

    @Param({"1", "8"})
    public int concurrency;

    private LocalMessagesEndpoint endpoint;
    private LocalSmsc smsc;
    private SmsChannel channel;
    private ExecutorService pool;
    private List<Delivery> deliveries;
    private final AtomicInteger failures = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong attempts = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<SendOutcome> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (transport.equals("rest")) {
            endpoint = new LocalMessagesEndpoint();
            channel = SmsChannel.builder().rest(RestConfig.of(LocalMessagesEndpoint.ACCOUNT, LocalMessagesEndpoint.TOKEN, "+15005550006")
                    .withBaseUrl(endpoint.baseUrl()).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))).build();
        } else {
            smsc = new LocalSmsc();
            channel = SmsChannel.builder().smpp(SmppConfig.of("127.0.0.1", smsc.port, LocalSmsc.SYSTEM_ID, LocalSmsc.PASSWORD, "+15005550006")
                    .withWindow(concurrency, 0)).build();
        }
        Survey survey = Survey.builder("bench").question("How likely are you to recommend Acme to a friend or colleague?")
                .sendVia(ChannelName.SMS).build();
        deliveries = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            Contact c = Contact.of("c-" + i).phone("+49151" + String.format("%08d", i)).build();
            deliveries.add(new Delivery("inv-" + i, 1, 0, survey, c, Locale.ENGLISH, List.of(), Optional.empty()));
        }
        pool = Executors.newFixedThreadPool(concurrency);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        pool.shutdownNow();
        channel.close();
        if (endpoint != null) {
            endpoint.close();
        }
        if (smsc != null) {
            smsc.close();
        }
        // Reported, not fatal: an Ambiguous outcome on a pooled connection the server closed is a real case to count.
        System.err.println("[sms-bench] " + transport + " x" + concurrency + ": " + failures.get() + " of " + attempts.get()
                + " sends not accepted" + (firstFailure.get() == null ? "" : "; first: " + firstFailure.get()));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int sendBatch() throws Exception {
        int accepted = 0;
        if (concurrency == 1) {
            for (Delivery d : deliveries) {
                accepted += check(channel.send(d));
            }
            return accepted;
        }
        List<Future<SendOutcome>> futures = new ArrayList<>(BATCH);
        for (Delivery d : deliveries) {
            futures.add(pool.submit(() -> channel.send(d)));
        }
        for (Future<SendOutcome> f : futures) {
            accepted += check(f.get());
        }
        return accepted;
    }

    private int check(SendOutcome o) {
        attempts.incrementAndGet();
        if (o instanceof SendOutcome.Accepted) {
            return 1;
        }
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, o);
        return 0;
    }
}
