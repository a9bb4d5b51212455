package dev.nps.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nps.api.Category;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Score;
import dev.nps.api.Survey;
import dev.nps.engine.links.InAppPrompts;
import dev.nps.engine.links.LinkResponses;
import dev.nps.engine.links.TokenCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes and answers the requests; see {@link NpsHttpServer} for the paths. */
final class Endpoints implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Endpoints.class);
    private static final String CSP = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private final LinkResponses links;
    private final InAppPrompts prompts;
    private final RequestAuth auth;
    private final int maxBody;
    private final byte[] widget;

    Endpoints(LinkResponses links, InAppPrompts prompts, RequestAuth auth, int maxBody) {
        this.links = links;
        this.prompts = prompts;
        this.auth = auth;
        this.maxBody = maxBody;
        try (InputStream in = Endpoints.class.getResourceAsStream("widget.js")) {
            if (in == null) {
                throw new IllegalStateException("widget.js missing from the nps-http jar");
            }
            this.widget = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("widget.js unreadable", e);
        }
    }

    private final Object flight = new Object();
    private int inFlight;

    /** Waits until no exchange is being handled, up to the timeout; returns whether none is. */
    boolean awaitIdle(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (flight) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(flight, left);
            }
            return true;
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        synchronized (flight) {
            inFlight++;
        }
        try {
            handleCounted(ex);
        } finally {
            synchronized (flight) {
                inFlight--;
                flight.notifyAll();
            }
        }
    }

    private void handleCounted(HttpExchange ex) throws IOException {
        try (ex) {
            String context = ex.getHttpContext().getPath();
            String path = ex.getRequestURI().getRawPath();
            String rel = path.startsWith(context) ? path.substring(context.length()) : path;
            if (rel.startsWith("/")) {
                rel = rel.substring(1);
            }
            Messages fallback = Messages.ofAcceptLanguage(ex.getRequestHeaders().getFirst("Accept-Language"));
            try {
                route(ex, rel, fallback);
            } catch (Forms.TooLarge e) {
                page(ex, 413, fallback, "badRequestTitle", Html.escape(fallback.get("tooLarge")));
            } catch (RuntimeException e) {
                LOG.warn("request to {} failed with {}", rel.startsWith("r/") || rel.startsWith("u/") ? rel.substring(0, 2) + "<token>" : rel,
                        e.getClass().getSimpleName());
                page(ex, 500, fallback, "errorTitle", Html.escape(fallback.get("error")));
            }
        }
    }

    private void route(HttpExchange ex, String rel, Messages fallback) throws IOException {
        String method = ex.getRequestMethod();
        if (rel.startsWith("r/") && rel.indexOf('/', 2) < 0) {
            String token = rel.substring(2);
            switch (method) {
                case "GET", "HEAD" -> showResponsePage(ex, token, fallback);
                case "POST" -> recordResponse(ex, token, fallback);
                default -> notAllowed(ex, fallback, "GET, POST");
            }
        } else if (rel.startsWith("u/") && rel.indexOf('/', 2) < 0) {
            String token = rel.substring(2);
            switch (method) {
                case "GET", "HEAD" -> showUnsubscribePage(ex, token, fallback);
                case "POST" -> unsubscribe(ex, token, fallback);
                default -> notAllowed(ex, fallback, "GET, POST");
            }
        } else if (rel.equals("api/prompt") && prompts != null) {
            if (!method.equals("GET")) {
                notAllowed(ex, fallback, "GET");
            } else {
                prompt(ex);
            }
        } else if (rel.equals("api/answer") && prompts != null) {
            if (!method.equals("POST")) {
                notAllowed(ex, fallback, "POST");
            } else {
                answer(ex);
            }
        } else if (rel.equals("widget.js")) {
            ex.getResponseHeaders().set("Cache-Control", "public, max-age=3600");
            send(ex, 200, "text/javascript; charset=utf-8", widget);
        } else {
            page(ex, 404, fallback, "notFoundTitle", Html.escape(fallback.get("notFound")));
        }
    }

    // --- response links ---

    private void showResponsePage(HttpExchange ex, String token, Messages fallback) throws IOException {
        LinkResponses.Result<LinkResponses.Landing> r = links.open(token);
        if (r.value().isEmpty()) {
            tokenProblem(ex, r.check(), fallback);
            return;
        }
        LinkResponses.Landing landing = r.value().get();
        Messages m = messages(landing.survey(), landing.contact());
        Optional<Score> score = parseScore(Forms.parse(ex.getRequestURI().getRawQuery()).get("score"));
        if (score.isEmpty()) {
            page(ex, 400, m, "badRequestTitle", Html.escape(m.get("badScore")));
            return;
        }
        page(ex, 200, m, "title", responseForm(m, landing.survey(), score.get(), landing.answered().isPresent(), token));
    }

    private String responseForm(Messages m, Survey survey, Score score, boolean answered, String token) {
        Category category = score.category();
        String followUp = survey.followUp(category).orElse(m.get("defaultFollowUp"));
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(Html.escape(String.format(m.get("youChose"), score.value()))).append("</p>");
        if (answered) {
            b.append("<p>").append(Html.escape(m.get("alreadyAnswered"))).append("</p>");
        }
        b.append("<form method=\"post\" action=\"").append(Html.escape(token)).append("\">");
        b.append("<fieldset><legend>").append(Html.escape(survey.question())).append("</legend>");
        for (int i = 0; i <= 10; i++) {
            b.append("<label><input type=\"radio\" name=\"score\" value=\"").append(i).append('"')
                    .append(i == score.value() ? " checked" : "").append("> ").append(i).append("</label> ");
        }
        b.append("</fieldset>");
        b.append("<p><label for=\"comment\">").append(Html.escape(followUp)).append("</label><br>");
        b.append("<textarea id=\"comment\" name=\"comment\" rows=\"5\" cols=\"60\" maxlength=\"5000\"></textarea></p>");
        b.append("<p><button type=\"submit\">").append(Html.escape(m.get("send"))).append("</button></p></form>");
        return b.toString();
    }

    private void recordResponse(HttpExchange ex, String token, Messages fallback) throws IOException {
        Map<String, String> form = Forms.parse(body(ex));
        TokenCheck check = links.links().check(token);
        if (!(check instanceof TokenCheck.Valid)) {
            tokenProblem(ex, check, fallback);
            return;
        }
        LinkResponses.Landing landing = links.open(token).value().orElse(null);
        if (landing == null) {
            tokenProblem(ex, new TokenCheck.Unknown(), fallback);
            return;
        }
        Messages m = messages(landing.survey(), landing.contact());
        Optional<Score> score = parseScore(form.get("score"));
        if (score.isEmpty()) {
            page(ex, 400, m, "badRequestTitle", Html.escape(m.get("badScore")));
            return;
        }
        Optional<String> comment = Optional.ofNullable(form.get("comment")).filter(c -> !c.isBlank());
        LinkResponses.Result<LinkResponses.Answer> result;
        try {
            result = links.answer(token, score.get(), comment);
        } catch (NpsException e) {
            if (e.code() == ErrorCode.COMMENT_TOO_LONG || e.code() == ErrorCode.INVALID_ARGUMENT) {
                page(ex, 400, m, "badRequestTitle", Html.escape(m.get("badComment")));
                return;
            }
            throw e;
        }
        if (result.value().isEmpty()) {
            tokenProblem(ex, result.check(), fallback);
            return;
        }
        page(ex, 200, m, "title", "<p>" + Html.escape(m.get(result.value().get().edited() ? "updated" : "thanks")) + "</p>");
    }

    // --- unsubscribe ---

    private void showUnsubscribePage(HttpExchange ex, String token, Messages fallback) throws IOException {
        LinkResponses.Result<LinkResponses.Landing> r = links.open(token);
        if (r.value().isEmpty()) {
            tokenProblem(ex, r.check(), fallback);
            return;
        }
        Messages m = messages(r.value().get().survey(), r.value().get().contact());
        String form = "<form method=\"post\" action=\"" + Html.escape(token) + "\"><p>" + Html.escape(m.get("unsubscribeQuestion")) + "</p>"
                + "<p><label><input type=\"radio\" name=\"scope\" value=\"survey\"> " + Html.escape(m.get("unsubscribeThis")) + "</label><br>"
                + "<label><input type=\"radio\" name=\"scope\" value=\"all\" checked> " + Html.escape(m.get("unsubscribeAll")) + "</label></p>"
                + "<p><button type=\"submit\">" + Html.escape(m.get("unsubscribeButton")) + "</button></p></form>";
        page(ex, 200, m, "unsubscribeTitle", form);
    }

    private void unsubscribe(HttpExchange ex, String token, Messages fallback) throws IOException {
        String raw = body(ex);
        Map<String, String> form = Forms.parse(raw);
        // RFC 8058: the one-click POST carries exactly List-Unsubscribe=One-Click; it means the whole list.
        boolean all = raw.strip().equals(ONE_CLICK) || !"survey".equals(form.get("scope"));
        LinkResponses.Result<LinkResponses.Landing> r = links.open(token);
        if (r.value().isEmpty()) {
            tokenProblem(ex, r.check(), fallback);
            return;
        }
        TokenCheck check = links.unsubscribe(token, all);
        if (!(check instanceof TokenCheck.Valid)) {
            tokenProblem(ex, check, fallback);
            return;
        }
        Messages m = messages(r.value().get().survey(), r.value().get().contact());
        page(ex, 200, m, "unsubscribeTitle", "<p>" + Html.escape(m.get("unsubscribed")) + "</p>");
    }

    // --- in-app API ---

    private void prompt(HttpExchange ex) throws IOException {
        Map<String, String> q = Forms.parse(ex.getRequestURI().getRawQuery());
        String contact = q.get("contact");
        if (!auth.verify(contact, q.get("ts"), q.get("sig"))) {
            json(ex, 401, "{\"error\":\"bad or stale signature\"}");
            return;
        }
        Optional<InAppPrompts.Prompt> p;
        try {
            p = prompts.promptFor(contact);
        } catch (NpsException e) {
            json(ex, 400, "{\"error\":" + Html.json(e.getMessage()) + "}");
            return;
        }
        if (p.isEmpty()) {
            json(ex, 200, "{\"show\":false}");
            return;
        }
        Survey s = p.get().survey();
        Messages m = Messages.of(p.get().locale());
        StringBuilder b = new StringBuilder("{\"show\":true");
        b.append(",\"survey\":").append(Html.json(s.id()));
        b.append(",\"token\":").append(Html.json(p.get().token()));
        b.append(",\"lang\":").append(Html.json(m.lang()));
        b.append(",\"question\":").append(Html.json(s.question()));
        b.append(",\"followUps\":{");
        boolean first = true;
        for (Category c : Category.values()) {
            b.append(first ? "" : ",").append(Html.json(c.name().toLowerCase(Locale.ROOT))).append(':')
                    .append(Html.json(s.followUp(c).orElse(m.get("defaultFollowUp"))));
            first = false;
        }
        b.append("},\"labels\":{\"send\":").append(Html.json(m.get("send"))).append(",\"thanks\":").append(Html.json(m.get("thanks")))
                .append("}}");
        json(ex, 200, b.toString());
    }

    private void answer(HttpExchange ex) throws IOException {
        Map<String, String> form = Forms.parse(body(ex));
        String contact = form.get("contact");
        if (!auth.verify(contact, form.get("ts"), form.get("sig"))) {
            json(ex, 401, "{\"error\":\"bad or stale signature\"}");
            return;
        }
        String token = form.get("token");
        LinkResponses.Result<LinkResponses.Landing> landing = links.open(token);
        if (landing.value().isEmpty()) {
            json(ex, landing.check() instanceof TokenCheck.Expired ? 410 : 404, "{\"error\":\"unknown or expired token\"}");
            return;
        }
        if (!landing.value().get().token().contactId().equals(contact)) {
            json(ex, 403, "{\"error\":\"the token belongs to another contact\"}");
            return;
        }
        Optional<Score> score = parseScore(form.get("score"));
        if (score.isEmpty()) {
            json(ex, 400, "{\"error\":\"score: must be an integer 0..10\"}");
            return;
        }
        try {
            LinkResponses.Answer a = links.answer(token, score.get(),
                    Optional.ofNullable(form.get("comment")).filter(c -> !c.isBlank())).orElseThrow();
            json(ex, 200, "{\"recorded\":true,\"edited\":" + a.edited() + "}");
        } catch (NpsException e) {
            if (e.code() == ErrorCode.COMMENT_TOO_LONG || e.code() == ErrorCode.INVALID_ARGUMENT) {
                json(ex, 400, "{\"error\":\"comment: too long or not valid text\"}");
                return;
            }
            throw e;
        }
    }

    // --- helpers ---

    /** Strict score parsing: an integer 0..10 written with digits only ("7.5", "ten", "-1", "11", blank: empty). */
    static Optional<Score> parseScore(String text) {
        try {
            return Optional.of(Score.parse(text));
        } catch (NpsException e) {
            return Optional.empty();
        }
    }

    private Messages messages(Survey survey, Optional<Contact> contact) {
        return Messages.of(contact.flatMap(Contact::locale).orElse(survey.language()));
    }

    private void tokenProblem(HttpExchange ex, TokenCheck check, Messages m) throws IOException {
        if (check instanceof TokenCheck.Expired) {
            page(ex, 410, m, "expiredTitle", Html.escape(m.get("expired")));
        } else {
            page(ex, 404, m, "unknownTitle", Html.escape(m.get("unknown")));
        }
    }

    private void notAllowed(HttpExchange ex, Messages m, String allow) throws IOException {
        ex.getResponseHeaders().set("Allow", allow);
        page(ex, 405, m, "methodTitle", Html.escape(m.get("method")));
    }

    private String body(HttpExchange ex) throws IOException {
        return new String(Forms.read(ex.getRequestBody(), ex.getRequestHeaders().getFirst("Content-Length"), maxBody),
                StandardCharsets.UTF_8);
    }

    /** Writes a page; {@code bodyHtml} must already be escaped. */
    private void page(HttpExchange ex, int status, Messages m, String titleKey, String bodyHtml) throws IOException {
        String title = Html.escape(m.get(titleKey));
        String html = "<!DOCTYPE html>\n<html lang=\"" + m.lang() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">"
                + "<title>" + title + "</title></head><body><main><h1>" + title + "</h1>" + bodyHtml + "</main></body></html>\n";
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private void json(HttpExchange ex, int status, String json) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    private void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", CSP);
        h.set("X-Frame-Options", "DENY");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
