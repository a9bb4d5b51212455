package dev.nps.engine.integrations;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A loopback HTTP server answering with scripted behaviours: a status, or a stall until closed. */
final class ScriptedHttpServer implements AutoCloseable {
    /** A received request. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private int otherwise = 200;
    private Function<Received, Integer> consumer = r -> null;

    /** Status meaning: hold the request until the server closes (a stall the client times out on). */
    static final int STALL = -1;

    ScriptedHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized ScriptedHttpServer then(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    synchronized ScriptedHttpServer otherwise(int status) {
        this.otherwise = status;
        return this;
    }

    /** @param consumer sees each request that gets a 2xx and may override the status (null keeps it) */
    synchronized ScriptedHttpServer consumer(Function<Received, Integer> consumer) {
        this.consumer = consumer;
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        int status;
        Function<Received, Integer> c;
        synchronized (this) {
            received.add(r);
            status = script.isEmpty() ? otherwise : script.removeFirst();
            c = consumer;
        }
        if (status == STALL) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (status / 100 == 2) {
            Integer override = c.apply(r);
            if (override != null) {
                status = override;
            }
        }
        byte[] body = (status / 100 == 2 ? "ok" : "error").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
