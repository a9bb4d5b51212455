package dev.nps.channels.sms;

import dev.nps.spi.SendOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends through a Twilio-compatible Messages endpoint with the JDK's HttpClient. */
final class RestTransport implements SmsTransport {
    private static final Logger LOG = LoggerFactory.getLogger(RestTransport.class);
    /** Provider error codes meaning the number must not be texted again: 21610 replied STOP, 21211 invalid number. */
    static final Set<String> SUPPRESSING_CODES = Set.of("21610", "21211", "21614");
    static final String TOO_MANY_REQUESTS = "20429";

    private final RestConfig config;
    private final HttpClient client;
    private final URI messagesUri;
    private final String authorization;
    private final Clock clock;

    RestTransport(RestConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        if ("http".equals(config.baseUrl().getScheme())) {
            // Plain HTTP/2 would try an h2c upgrade that local test servers and many proxies mishandle.
            b.version(HttpClient.Version.HTTP_1_1);
        }
        this.client = b.build();
        this.messagesUri = URI.create(config.baseUrl() + "/2010-04-01/Accounts/"
                + URLEncoder.encode(config.accountSid(), StandardCharsets.UTF_8) + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (config.accountSid() + ":" + config.authToken()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public SendOutcome send(String to, String text, SmsSegments segments, String reference) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        config.from().ifPresent(f -> form.put("From", f));
        config.messagingServiceSid().ifPresent(m -> form.put("MessagingServiceSid", m));
        form.put("Body", text);
        config.statusCallback().ifPresent(u -> form.put("StatusCallback", u.toString()));
        HttpRequest request = HttpRequest.newBuilder(messagesUri)
                .timeout(config.requestTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(form), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return down("connect timeout", reference);
        } catch (ConnectException e) {
            return down("connection refused", reference);
        } catch (HttpTimeoutException e) {
            LOG.warn("SMS REST send for invitation {}: no answer within {}; it may have been sent", reference, config.requestTimeout());
            return new SendOutcome.Ambiguous("no answer within " + config.requestTimeout() + " after the request was sent");
        } catch (IOException e) {
            // Also what a pooled connection the server closed while idle looks like: nothing tells whether the
            // request was read, so it stays ambiguous. Keep jdk.httpclient.keepalive.timeout below the server's idle timeout.
            LOG.debug("SMS REST send for invitation {} failed mid-request: {}", reference, e.toString());
            return new SendOutcome.Ambiguous("connection failed during the request: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Ambiguous("interrupted while waiting for the answer");
        }
        return outcome(response);
    }

    SendOutcome outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        Map<String, String> body = Json.topLevel(response.body());
        String code = body.getOrDefault("code", "");
        if (status == 200 || status == 201) {
            String sid = body.get("sid");
            if (sid == null || sid.isBlank()) {
                return new SendOutcome.Ambiguous("HTTP " + status + " without a message sid");
            }
            if ("failed".equals(body.get("status"))) {
                return new SendOutcome.Permanent("provider reported failed on create, code " + code, false);
            }
            return SendOutcome.accepted(sid);
        }
        if (status == 429 || TOO_MANY_REQUESTS.equals(code)) {
            return new SendOutcome.Retryable(RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock),
                    "rate limited (HTTP " + status + (code.isEmpty() ? "" : ", code " + code) + ")", false);
        }
        if (status == 401) {
            LOG.error("SMS REST provider refused the credentials of account {} (HTTP 401); pausing the channel", config.accountSid());
            return new SendOutcome.Retryable(Optional.empty(), "credentials refused (HTTP 401)", true);
        }
        if (status >= 400 && status < 500) {
            boolean suppress = SUPPRESSING_CODES.contains(code);
            return new SendOutcome.Permanent("HTTP " + status + (code.isEmpty() ? "" : " code " + code), suppress);
        }
        if (status >= 500) {
            return new SendOutcome.Ambiguous("HTTP " + status + " after the request was received");
        }
        return new SendOutcome.Ambiguous("unexpected HTTP " + status);
    }

    private static SendOutcome down(String reason, String reference) {
        LOG.warn("SMS REST provider unreachable ({}) for invitation {}", reason, reference);
        return new SendOutcome.Retryable(Optional.empty(), reason, true);
    }

    @Override
    public String describe() {
        return "rest:" + config.baseUrl();
    }

    @Override
    public void close() {
        // HttpClient has no close() before Java 21; its threads end when it is unreachable.
    }
}
