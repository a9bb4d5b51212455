package dev.nps.engine.integrations;

import dev.nps.spi.SendOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outgoing HTTP call with a few quick in-line retries (5xx, 429, 408, timeouts, connection failures) and
 * explicit timeouts. What still fails becomes a {@link SendOutcome}: the outbox retries it later.
 */
final class HttpDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDelivery.class);

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int attempts;
    private final Duration backoff;
    private final Sleeper sleeper;
    private final String label;

    HttpDelivery(String label, Duration connectTimeout, Duration requestTimeout, int attempts, Duration backoff, Sleeper sleeper) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
        this.attempts = attempts;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.label = label;
    }

    /**
     * @param uri     where to (for the log, redacted)
     * @param request builds the request afresh for each attempt (a new signature timestamp each time)
     */
    SendOutcome send(URI uri, Supplier<HttpRequest.Builder> request) {
        SendOutcome last = null;
        Duration wait = backoff;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return last;
                }
                wait = wait.multipliedBy(2);
            }
            last = once(request.get().timeout(requestTimeout).build());
            if (!(last instanceof SendOutcome.Retryable) && !(last instanceof SendOutcome.Ambiguous)) {
                return last;
            }
            LOG.debug("{} to {}: attempt {} of {} failed", label, Endpoints.redacted(uri), attempt, attempts);
        }
        return last;
    }

    private SendOutcome once(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return SendOutcome.accepted();
            }
            if (status == 429 || status == 408 || status >= 500) {
                Optional<Duration> after = response.headers().firstValue("Retry-After").flatMap(HttpDelivery::seconds);
                return new SendOutcome.Retryable(after, label + ": HTTP " + status, false);
            }
            return new SendOutcome.Permanent(label + ": HTTP " + status + " (check the URL and credentials)", false);
        } catch (HttpTimeoutException e) {
            // The request may have arrived: consumers de-duplicate on the event id, so sending again is safe.
            return new SendOutcome.Ambiguous(label + ": timed out after " + requestTimeout);
        } catch (IOException e) {
            return new SendOutcome.Retryable(Optional.empty(), label + ": " + e.getClass().getSimpleName(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Retryable(Optional.empty(), label + ": interrupted", false);
        }
    }

    private static Optional<Duration> seconds(String v) {
        try {
            long s = Long.parseLong(v.strip());
            return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
