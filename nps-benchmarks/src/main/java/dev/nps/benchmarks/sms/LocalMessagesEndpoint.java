package dev.nps.benchmarks.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** A loopback server answering like the Messages endpoint: reads the form, answers 201 with a sid. */
final class LocalMessagesEndpoint implements AutoCloseable {
    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "bench-token";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final AtomicLong counter = new AtomicLong();

    LocalMessagesEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long received() {
        return counter.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] form = ex.getRequestBody().readAllBytes();
            if (form.length == 0 || ex.getRequestHeaders().getFirst("Authorization") == null) {
                ex.sendResponseHeaders(400, -1);
                return;
            }
            long n = counter.incrementAndGet();
            byte[] body = ("{\"sid\":\"SM" + String.format("%032x", n) + "\",\"status\":\"queued\",\"num_segments\":\"1\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(201, body.length);
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
