package dev.nps.channels.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local server that behaves like the documented Messages endpoint: Basic auth, form parameters, 201 with a
 * JSON body holding sid and status, or whatever a test scripts.
 */
final class FakeTwilio implements AutoCloseable {
    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "test-auth-token";

    /** A scripted answer; {@code beforeAnswer} runs after the request was read and before the answer is written. */
    record Answer(int status, String body, Map<String, String> headers, Runnable beforeAnswer) {
        static Answer created(String sid) {
            return new Answer(201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"num_segments\":\"1\",\"error_code\":null,"
                    + "\"subresource_uris\":{\"media\":\"/x\"}}", Map.of(), () -> {});
        }

        static Answer error(int status, int code) {
            return new Answer(status, "{\"code\":" + code + ",\"message\":\"scripted\",\"more_info\":\"https://example.com/" + code
                    + "\",\"status\":" + status + "}", Map.of(), () -> {});
        }

        Answer withHeader(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Answer(status, body, h, beforeAnswer);
        }

        Answer before(Runnable r) {
            return new Answer(status, body, headers, r);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger counter = new AtomicInteger();
    volatile Function<Map<String, String>, Answer> script = p -> Answer.created("SM" + String.format("%032d", counter.get()));

    FakeTwilio() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.createContext("/2010-04-01/Accounts/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    RestConfig config() {
        return RestConfig.of(SID, TOKEN, "+15005550006").withBaseUrl(baseUrl());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String expectedAuth = "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!expectedAuth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                reply(ex, Answer.error(401, 20003));
                return;
            }
            if (!"POST".equals(ex.getRequestMethod()) || !ex.getRequestURI().getPath().equals("/2010-04-01/Accounts/" + SID + "/Messages.json")) {
                reply(ex, Answer.error(404, 20404));
                return;
            }
            Map<String, String> params = Forms.decode(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!params.containsKey("To") || !params.containsKey("Body")) {
                reply(ex, Answer.error(400, 21604));
                return;
            }
            counter.incrementAndGet();
            requests.add(params);
            Answer a = script.apply(params);
            a.beforeAnswer().run();
            reply(ex, a);
        }
    }

    private static void reply(HttpExchange ex, Answer a) throws IOException {
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(a.status(), body.length);
        ex.getResponseBody().write(body);
    }

    /** Posts a signed form to a webhook URL, as the provider does; returns the HTTP status. */
    static HttpResponse<String> postSigned(URI url, Map<String, String> params, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(params)));
        if (signature != null) {
            b.header(TwilioSignature.HEADER, signature);
        }
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> postSigned(URI url, Map<String, String> params) {
        return postSigned(url, params, new TwilioSignature(TOKEN).sign(url.toString(), params));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
