package dev.nps.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.engine.NpsEngine;
import dev.nps.testkit.SettableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpsHttpServerMountTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final NpsEngine engine = NpsEngine.builder().inMemoryStore().clock(clock).discoverProviders(false)
            .responseLinks(URI.create("https://acme.example/nps")).build();
    private final NpsHttpServer server = NpsHttpServer.builder().linkResponses(engine.dispatch().linkResponses().orElseThrow())
            .clock(clock).build();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private static HttpHandler answering(String text) {
        return ex -> {
            byte[] body = (text + " " + ex.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        };
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void handlersMountedBeforeAndAfterStartShareThePortWithTheEndpoints() throws Exception {
        server.mount("/sms/inbound", answering("inbound"));
        server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.mount("/sms/status", answering("status"));

        assertThat(get("/sms/inbound").body()).isEqualTo("inbound /sms/inbound");
        assertThat(get("/sms/status").body()).isEqualTo("status /sms/status");
        // The endpoints still answer: an unknown token gets the module's own page, not a mounted handler.
        HttpResponse<String> link = get("/r/unknown-token?score=9");
        assertThat(link.statusCode()).isEqualTo(404);
        assertThat(link.body()).doesNotContain("inbound");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sms", "/", "/r", "/u/x", "/api", "/widget.js", "/a/../r", "/a//b", "/a/", "/a b"})
    void pathsThatAreMalformedOrHideAnEndpointAreRefused(String path) {
        assertThatThrownBy(() -> server.mount(path, answering("x"))).isInstanceOf(NpsException.class)
                .hasMessageContaining("mount.path")
                .satisfies(e -> assertThat(((NpsException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void aPathIsMountedOnce() {
        server.mount("/hooks/sms", answering("x"));
        assertThatThrownBy(() -> server.mount("/hooks/sms", answering("y"))).isInstanceOf(NpsException.class)
                .satisfies(e -> assertThat(((NpsException) e).code()).isEqualTo(ErrorCode.CONFLICT));
    }
}
