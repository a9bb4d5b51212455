package dev.nps.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's bounce webhook example, compiled and run so it cannot rot. */
class BounceWebhookExampleTest {

    // --- README example starts ---
    /** Receives {"type":"bounce"|"complaint","email":"..."} from a mail provider and suppresses the address. */
    static final class BounceWebhook implements HttpHandler {
        private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"(bounce|complaint)\"");
        private static final Pattern EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"\\\\]{3,254})\"");
        private final EmailSuppressions suppressions;
        private final byte[] token;

        BounceWebhook(EmailSuppressions suppressions, String token) {
            this.suppressions = suppressions;
            this.token = token.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String given = exchange.getRequestHeaders().getFirst("X-Webhook-Token");
                if (!"POST".equals(exchange.getRequestMethod()) || given == null
                        || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
                    exchange.sendResponseHeaders(403, -1);
                    return;
                }
                String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
                Matcher type = TYPE.matcher(body);
                Matcher email = EMAIL.matcher(body);
                if (!type.find() || !email.find()) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                suppressions.suppress(email.group(1), type.group(1).equals("bounce")
                        ? EmailSuppressions.Reason.HARD_BOUNCE : EmailSuppressions.Reason.COMPLAINT);
                exchange.sendResponseHeaders(204, -1);
            }
        }
    }
    // --- README example ends ---

    private final List<String> suppressed = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/webhooks/email", new BounceWebhook((email, reason) -> suppressed.add(reason + ":" + email), "t0ken"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int post(String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/email"))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("X-Webhook-Token", token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void suppressesABouncedAndAComplainingAddress() throws Exception {
        assertThat(post("t0ken", "{\"type\":\"bounce\",\"email\":\"ann@example.com\",\"diagnostic\":\"550 5.1.1\"}")).isEqualTo(204);
        assertThat(post("t0ken", "{\"email\": \"bob@example.com\", \"type\": \"complaint\"}")).isEqualTo(204);

        assertThat(suppressed).containsExactly("HARD_BOUNCE:ann@example.com", "COMPLAINT:bob@example.com");
    }

    @Test
    void refusesAWrongTokenAndAnUnknownPayload() throws Exception {
        assertThat(post("guess", "{\"type\":\"bounce\",\"email\":\"ann@example.com\"}")).isEqualTo(403);
        assertThat(post(null, "{\"type\":\"bounce\",\"email\":\"ann@example.com\"}")).isEqualTo(403);
        assertThat(post("t0ken", "{\"type\":\"delivered\",\"email\":\"ann@example.com\"}")).isEqualTo(400);

        assertThat(suppressed).isEmpty();
    }
}
