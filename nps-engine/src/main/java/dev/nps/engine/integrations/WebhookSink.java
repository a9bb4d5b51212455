package dev.nps.engine.integrations;

import dev.nps.engine.alerts.AlertRelay;
import dev.nps.engine.json.NpsJson;
import dev.nps.spi.Alert;
import dev.nps.spi.AlertSink;
import dev.nps.spi.EventSink;
import dev.nps.spi.OutgoingEvent;
import dev.nps.spi.SendOutcome;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A generic signed webhook, for Zapier, Make, n8n catch hooks or your own service: POSTs each event as a JSON
 * envelope {@code {"id", "type", "occurredAt", "data"}} with the headers {@value WebhookSignature#HEADER}
 * ({@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}, see {@link WebhookSignature}), {@value
 * WebhookSignature#EVENT_ID_HEADER} (the envelope's id) and {@value WebhookSignature#EVENT_TYPE_HEADER}. An alert
 * goes out as an {@code alert.raised} event whose id is the alert's (stable) id. 2xx is delivered; 5xx, 429, 408,
 * timeouts and connection failures are retried in line a few times with back-off, then left to the outbox; other
 * statuses are permanent. Thread-safe.
 *
 * @since 0.1
 */
public final class WebhookSink implements AlertSink, EventSink {
    private static final String USER_AGENT = "nps-webhook/0.1";

    private final String name;
    private final URI url;
    private final String secret;
    private final Clock clock;
    private final HttpDelivery http;

    private WebhookSink(Builder b, URI url) {
        this.name = b.name;
        this.url = url;
        this.secret = b.secret;
        this.clock = b.clock;
        this.http = b.http.delivery("webhook '" + b.name + "'");
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SendOutcome deliver(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        return publish(new OutgoingEvent(alert.id(), OutgoingEvent.ALERT_RAISED, alert.raisedAt(), AlertRelay.alertData(alert)));
    }

    @Override
    public SendOutcome publish(OutgoingEvent event) {
        Objects.requireNonNull(event, "event");
        String body = envelope(event);
        return http.send(url, () -> HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, clock.instant(), body))
                .header(WebhookSignature.EVENT_ID_HEADER, event.id())
                .header(WebhookSignature.EVENT_TYPE_HEADER, event.type())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /**
     * @param event the event
     * @return its JSON envelope, as sent
     */
    public static String envelope(OutgoingEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id());
        json.put("type", event.type());
        json.put("occurredAt", event.occurredAt().toString());
        json.put("data", event.data());
        return NpsJson.write(json);
    }

    @Override
    public void close() {
        // The JDK client's connections close when it is garbage; nothing to release explicitly on Java 17.
    }

    @Override
    public String toString() {
        return "WebhookSink[" + name + ", " + Endpoints.redacted(url) + "]";
    }

    /**
     * Builds a {@link WebhookSink}; {@link #build()} reports every problem at once.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String name = "webhook";
        private String url;
        private String secret;
        private Clock clock = Clock.systemUTC();
        private final HttpSinkSettings http = new HttpSinkSettings();
        private String keyPrefix = "";
        private final List<String> readProblems = new ArrayList<>();

        private Builder() {}

        /** Names problems by configuration key (e.g. {@code nps.alert.webhook.url}) when built by a provider. */
        Builder keyPrefix(String prefix) {
            this.keyPrefix = prefix.isEmpty() ? "" : prefix + ".";
            return this;
        }

        /** Reads the shared HTTP keys of a provider's configuration; keys that do not parse are reported by build(). */
        Builder httpKeys(dev.nps.spi.PluginConfig config) {
            AlertSinkProviders.http(config, http, readProblems);
            return keyPrefix(config.prefix());
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** @param url https, or http to this machine only */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** @param secret the shared signing secret, at least 16 characters */
        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            http.connectTimeout = timeout;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            http.requestTimeout = timeout;
            return this;
        }

        /**
         * @param attempts in-line attempts per delivery, 1..10 (default 3)
         * @param backoff  the first wait between them, doubling (default 500 ms)
         * @return this
         */
        public Builder retries(int attempts, Duration backoff) {
            http.attempts = attempts;
            http.backoff = backoff;
            return this;
        }

        /** @param sleeper how in-line retries wait (tests: {@link Sleeper#NONE}) */
        public Builder sleeper(Sleeper sleeper) {
            http.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @return the sink
         * @throws dev.nps.api.NpsException {@code CONFIGURATION} listing every problem
         */
        public WebhookSink build() {
            List<String> problems = new ArrayList<>(readProblems);
            if (name.isBlank()) {
                problems.add(keyPrefix + "name: must not be blank");
            }
            URI uri = Endpoints.check(keyPrefix + "url", url, problems).orElse(null);
            if (secret == null || secret.isBlank()) {
                problems.add(keyPrefix + "secret: missing; set a random shared secret of at least 16 characters (the consumer verifies " + WebhookSignature.HEADER + " with it)");
            } else if (secret.length() < 16) {
                problems.add(keyPrefix + "secret: too short (" + secret.length() + " characters); use at least 16 random characters");
            }
            http.check(keyPrefix, problems);
            HttpSinkSettings.throwIfAny("webhook '" + name + "'", problems);
            return new WebhookSink(this, uri);
        }
    }
}
