package dev.nps.store.jdbc;

import com.sun.net.httpserver.HttpServer;
import dev.nps.engine.integrations.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A catch hook on a local HTTP server, as Zapier's would be: it verifies each request's signature, answers with the
 * scripted statuses (then 200, or what {@link #failWhen} says), and counts per event id what it accepted.
 */
final class WebhookConsumer implements AutoCloseable {
    /** One request: the event id it carried and the status it got. */
    record Request(String eventId, int status) {}

    private final HttpServer server;
    private final String secret;
    private final Clock clock;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger served = new AtomicInteger();
    private volatile IntPredicate failWhen = n -> false;

    WebhookConsumer(String secret, Clock clock) throws IOException {
        this.secret = secret;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            String eventId = exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER);
            int status;
            if (!WebhookSignature.verify(secret, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body, clock.instant(),
                    Duration.ofMinutes(5))) {
                status = 401;
            } else {
                status = next(served.incrementAndGet());
            }
            synchronized (this) {
                requests.add(new Request(eventId, status));
            }
            if (status / 100 == 2) {
                accepted.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    private synchronized int next(int n) {
        Integer scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        return failWhen.test(n) ? 503 : 200;
    }

    /** Answers the next requests with these statuses, then 200 again. */
    synchronized WebhookConsumer then(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    /** Answers 503 to the n-th request (counted from 1) when the predicate says so. */
    WebhookConsumer failWhen(IntPredicate predicate) {
        this.failWhen = predicate;
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** @return how often each event id was accepted (2xx) */
    Map<String, Integer> acceptedCounts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        accepted.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
