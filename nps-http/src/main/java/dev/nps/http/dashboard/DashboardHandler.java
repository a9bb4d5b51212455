package dev.nps.http.dashboard;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.engine.json.NpsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes, authenticates and answers the dashboard's requests. */
final class DashboardHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardHandler.class);
    static final String COOKIE = "nps_dashboard";
    private static final Duration SESSION = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DashboardQueries queries;
    private final String token;
    private final DashboardAccess bearer;
    private final List<DashboardAccess> access;
    private final long pollMillis;
    private final String page;
    /** Session id to expiry; ids are 256 random bits, so a hash lookup leaks nothing usable. */
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();

    DashboardHandler(DashboardQueries queries, String token, List<DashboardAccess> access, Duration poll) {
        this.queries = queries;
        this.token = token;
        this.bearer = token == null ? null : DashboardAccess.bearerToken(token);
        this.access = access;
        this.pollMillis = poll.toMillis();
        try (InputStream in = DashboardHandler.class.getResourceAsStream("dashboard.html")) {
            if (in == null) {
                throw new IllegalStateException("dashboard.html missing from the nps-http jar");
            }
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            securityHeaders(ex.getResponseHeaders());
            String path = ex.getRequestURI().getPath();
            Map<String, String> params = params(ex.getRequestURI().getRawQuery());
            if (!"GET".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "GET");
                send(ex, 405, "text/plain; charset=utf-8", "read-only: only GET is allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (token != null && params.containsKey("token") && path.equals("/")) {
                login(ex, params.get("token"));
                return;
            }
            if (!authenticated(ex)) {
                if (!access.isEmpty()) {
                    ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"nps dashboard\", charset=\"UTF-8\"");
                }
                send(ex, 401, "text/plain; charset=utf-8", ("not signed in: open the address printed by `nps serve` "
                        + "(it carries ?token=), or send the configured credential\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (path) {
                case "/" -> page(ex);
                case "/api/meta" -> json(ex, queries.meta());
                case "/api/summary" -> json(ex, queries.summary(queries.filters(params)));
                case "/api/responses" -> json(ex, queries.responses(queries.filters(params), params));
                case "/api/cases" -> json(ex, queries.cases(queries.filters(params)));
                default -> send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (NpsException e) {
            int status = e.code() == ErrorCode.NOT_FOUND ? 404 : e.code() == ErrorCode.INVALID_ARGUMENT
                    || e.code() == ErrorCode.INVALID_SCORE ? 400 : 500;
            if (status == 500) {
                LOG.warn("dashboard request failed: {}", e.code());
            }
            trySend(ex, status, Map.of("error", status == 500 ? "the dashboard could not answer; see the server log" : e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("dashboard request failed: {}", e.getClass().getSimpleName());
            trySend(ex, 500, Map.of("error", "the dashboard could not answer; see the server log"));
        } finally {
            ex.close();
        }
    }

    private boolean authenticated(HttpExchange ex) {
        if (bearer != null && (bearer.permits(ex) || hasSession(ex))) {
            return true;
        }
        for (DashboardAccess a : access) {
            if (a.permits(ex)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasSession(HttpExchange ex) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=")) {
                    Instant until = sessions.get(p.substring(COOKIE.length() + 1));
                    if (until != null && until.isAfter(Instant.now())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void login(HttpExchange ex, String given) throws IOException {
        if (!DashboardAccess.Credentials.equal(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            send(ex, 401, "text/plain; charset=utf-8", "wrong token\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Instant now = Instant.now();
        sessions.values().removeIf(until -> until.isBefore(now));
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.clear();
        }
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(session, now.plus(SESSION));
        ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + SESSION.toSeconds());
        // Redirect so the token leaves the address bar and the history.
        ex.getResponseHeaders().set("Location", "/");
        send(ex, 303, "text/plain; charset=utf-8", new byte[0]);
    }

    private void page(HttpExchange ex) throws IOException {
        byte[] nonceBytes = new byte[18];
        RANDOM.nextBytes(nonceBytes);
        String nonce = Base64.getEncoder().encodeToString(nonceBytes);
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce
                + "'; style-src 'nonce-" + nonce + "'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
                + "form-action 'none'; frame-ancestors 'none'");
        String html = page.replace("{{NONCE}}", nonce).replace("{{POLL_MS}}", Long.toString(pollMillis));
        send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(HttpExchange ex, Object value) throws IOException {
        byte[] body;
        try {
            body = NpsJson.mapper().writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new NpsException(ErrorCode.STORE_FAILURE, "dashboard JSON could not be written");
        }
        send(ex, 200, "application/json; charset=utf-8", body);
    }

    private static void trySend(HttpExchange ex, int status, Map<String, String> error) {
        try {
            send(ex, status, "application/json; charset=utf-8", NpsJson.write(error).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.debug("dashboard could not send an error: {}", e.getClass().getSimpleName());
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void securityHeaders(Headers h) {
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        h.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    static Map<String, String> params(String rawQuery) {
        Map<String, String> m = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return m;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.putIfAbsent(k, v);
        }
        return m;
    }
}
