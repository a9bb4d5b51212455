package dev.nps.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nps.api.ChannelName;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.engine.NpsEngine;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo's response landing page: signed links {@code /r/INVITATION.SCORE.SIGNATURE}; GET shows the score and asks
 * the follow-up question without recording (mail scanners follow links), POST records. It stands in for nps-http's
 * response pages in {@code nps demo} until the dispatch pipeline provides them.
 */
final class DemoLanding implements HttpHandler {
    record Invitation(String surveyId, String contactId, Map<String, String> attributes) {}

    private final NpsEngine engine;
    private final byte[] secret;
    private final URI base;
    private final Map<String, Invitation> invitations = new ConcurrentHashMap<>();
    final AtomicLong opened = new AtomicLong();
    final AtomicLong answered = new AtomicLong();

    DemoLanding(NpsEngine engine, byte[] secret, URI base) {
        this.engine = engine;
        this.secret = secret.clone();
        this.base = base;
    }

    void invite(String invitationId, Invitation invitation) {
        invitations.put(invitationId, invitation);
    }

    java.util.List<URI> links(String invitationId) {
        java.util.List<URI> links = new java.util.ArrayList<>(11);
        for (int s = 0; s <= 10; s++) {
            links.add(base.resolve("/r/" + invitationId + "." + s + "." + sign(invitationId + "." + s)));
        }
        return links;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
            String token = ex.getRequestURI().getPath().substring("/r/".length());
            String[] parts = token.split("\\.");
            if (parts.length != 3 || !MessageDigest.isEqual(sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                    parts[2].getBytes(StandardCharsets.US_ASCII)) || !invitations.containsKey(parts[0])) {
                send(ex, 404, "<p>This link is not valid.</p>");
                return;
            }
            Invitation inv = invitations.get(parts[0]);
            int linkScore = Integer.parseInt(parts[1]);
            if (ex.getRequestMethod().equals("GET")) {
                opened.incrementAndGet();
                send(ex, 200, "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Thank you</title></head><body>"
                        + "<form method='post'><p>You chose " + linkScore + ". What is the main reason for your score?</p>"
                        + "<input type='hidden' name='score' value='" + linkScore + "'><textarea name='comment'></textarea>"
                        + "<button>Send</button></form></body></html>");
                return;
            }
            if (!ex.getRequestMethod().equals("POST")) {
                ex.getResponseHeaders().set("Allow", "GET, POST");
                send(ex, 405, "<p>Method not allowed.</p>");
                return;
            }
            Map<String, String> form = form(new String(ex.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8));
            int score;
            try {
                score = Integer.parseInt(form.getOrDefault("score", parts[1]));
            } catch (NumberFormatException e) {
                send(ex, 400, "<p>The score must be a number 0-10.</p>");
                return;
            }
            Response.Builder b = Response.builder(inv.surveyId(), score).id("resp-" + parts[0]).invitation(parts[0])
                    .contact(inv.contactId()).channel(ChannelName.EMAIL);
            String comment = form.getOrDefault("comment", "");
            if (!comment.isBlank()) {
                b.comment(comment);
            }
            inv.attributes().forEach(b::attribute);
            try {
                engine.responses().record(b.build(engine.clock().instant()));
            } catch (NpsException e) {
                send(ex, 400, "<p>Your answer could not be recorded.</p>");
                return;
            }
            answered.incrementAndGet();
            send(ex, 200, "<!DOCTYPE html><html><body><p>Thank you for your answer.</p></body></html>");
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig).substring(0, 22);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void send(HttpExchange ex, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }
}
