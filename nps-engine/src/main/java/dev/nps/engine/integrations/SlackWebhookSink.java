package dev.nps.engine.integrations;

import dev.nps.engine.json.NpsJson;
import dev.nps.spi.Alert;
import dev.nps.spi.AlertSink;
import dev.nps.spi.SendOutcome;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Posts alerts to a Slack incoming webhook (or any Slack-compatible one: Mattermost, Rocket.Chat) as a message
 * with a {@code text} fallback and Block Kit {@code blocks}: a header, the detail, the facts as fields and a
 * context line. Thread-safe.
 *
 * @since 0.1
 */
public final class SlackWebhookSink implements AlertSink {
    private static final int MAX_FIELDS = 10;

    private final String name;
    private final URI url;
    private final HttpDelivery http;

    private SlackWebhookSink(Builder b, URI url) {
        this.name = b.name;
        this.url = url;
        this.http = b.http.delivery("slack '" + b.name + "'");
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
        String body = message(alert);
        return http.send(url, () -> HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /**
     * @param alert the alert
     * @return the Slack message JSON
     */
    public static String message(Alert alert) {
        String icon = switch (alert.severity()) {
            case CRITICAL -> ":rotating_light:";
            case WARNING -> ":warning:";
            case INFO -> ":information_source:";
        };
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", cut(alert.title(), 150), "emoji", true)));
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", cut(escape(alert.detail()), 3000))));
        List<Object> fields = new ArrayList<>();
        alert.facts().entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(MAX_FIELDS).forEach(e -> fields.add(
                Map.of("type", "mrkdwn", "text", cut("*" + escape(e.getKey()) + "*\n" + escape(e.getValue()), 2000))));
        if (!fields.isEmpty()) {
            blocks.add(Map.of("type", "section", "fields", fields));
        }
        blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text",
                icon + " " + alert.severity() + " · rule `" + escape(alert.ruleId()) + "` · " + alert.raisedAt()))));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", icon + " " + alert.title());
        json.put("blocks", blocks);
        return NpsJson.write(json);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    @Override
    public String toString() {
        return "SlackWebhookSink[" + name + ", " + Endpoints.redacted(url) + "]";
    }

    /**
     * Builds a {@link SlackWebhookSink}; {@link #build()} reports every problem at once.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String name = "slack";
        private String url;
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

        /** @param url the incoming-webhook URL (https, or http to this machine only) */
        public Builder url(String url) {
            this.url = url;
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

        public Builder retries(int attempts, Duration backoff) {
            http.attempts = attempts;
            http.backoff = backoff;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            http.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @return the sink
         * @throws dev.nps.api.NpsException {@code CONFIGURATION} listing every problem
         */
        public SlackWebhookSink build() {
            List<String> problems = new ArrayList<>(readProblems);
            if (name.isBlank()) {
                problems.add(keyPrefix + "name: must not be blank");
            }
            URI uri = Endpoints.check(keyPrefix + "url", url, problems).orElse(null);
            http.check(keyPrefix, problems);
            HttpSinkSettings.throwIfAny("slack sink '" + name + "'", problems);
            return new SlackWebhookSink(this, uri);
        }
    }
}
