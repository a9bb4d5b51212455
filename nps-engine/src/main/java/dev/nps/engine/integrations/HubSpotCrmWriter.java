package dev.nps.engine.integrations;

import dev.nps.engine.json.NpsJson;
import dev.nps.spi.CrmUpdate;
import dev.nps.spi.CrmWriter;
import dev.nps.spi.SendOutcome;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the latest NPS answer to a HubSpot contact: {@code PATCH {baseUrl}/crm/v3/objects/contacts/{contactId}}
 * with a bearer token (a private app's access token) and {@code {"properties": {...}}}. With
 * {@link Builder#idProperty(String)} the contact is found by a unique property (e.g. your own id) instead of
 * HubSpot's record id. The properties must exist in HubSpot (create them once as number, single-line text and
 * date-time properties). 404 and 4xx are permanent; 429, 5xx and timeouts are retried. Thread-safe.
 *
 * @since 0.1
 */
public final class HubSpotCrmWriter implements CrmWriter {
    /** HubSpot's API. {@value} */
    public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

    private final URI base;
    private final String token;
    private final String idProperty;
    private final String scoreProperty;
    private final String categoryProperty;
    private final String commentProperty;
    private final String answeredAtProperty;
    private final HttpDelivery http;

    private HubSpotCrmWriter(Builder b, URI base) {
        this.base = base;
        this.token = b.token;
        this.idProperty = b.idProperty;
        this.scoreProperty = b.scoreProperty;
        this.categoryProperty = b.categoryProperty;
        this.commentProperty = b.commentProperty;
        this.answeredAtProperty = b.answeredAtProperty;
        this.http = b.http.delivery("hubspot");
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "hubspot";
    }

    @Override
    public SendOutcome write(CrmUpdate update) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(scoreProperty, Integer.toString(update.score()));
        properties.put(categoryProperty, update.category().name().toLowerCase(java.util.Locale.ROOT));
        if (commentProperty != null) {
            properties.put(commentProperty, update.comment().orElse(""));
        }
        properties.put(answeredAtProperty, update.answeredAt().toString());
        String body = NpsJson.write(Map.of("properties", properties));
        String path = base.toString().replaceAll("/+$", "") + "/crm/v3/objects/contacts/"
                + URLEncoder.encode(update.contactId(), StandardCharsets.UTF_8).replace("+", "%20")
                + (idProperty == null ? "" : "?idProperty=" + URLEncoder.encode(idProperty, StandardCharsets.UTF_8));
        URI uri = URI.create(path);
        return http.send(uri, () -> HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "HubSpotCrmWriter[" + Endpoints.redacted(base) + "]";
    }

    /**
     * Builds a {@link HubSpotCrmWriter}; {@link #build()} reports every problem at once.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private String token;
        private String idProperty;
        private String scoreProperty = "nps_score";
        private String categoryProperty = "nps_category";
        private String commentProperty = "nps_comment";
        private String answeredAtProperty = "nps_answered_at";
        private final HttpSinkSettings http = new HttpSinkSettings();

        private Builder() {}

        /** @param baseUrl the API's base URL (default {@value HubSpotCrmWriter#DEFAULT_BASE_URL}) */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** @param token a private app access token with the crm.objects.contacts.write scope */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** @param property a unique contact property holding the host's contact id (default: HubSpot's record id) */
        public Builder idProperty(String property) {
            this.idProperty = property;
            return this;
        }

        /**
         * @param score      property for the score (default {@code nps_score})
         * @param category   property for the category (default {@code nps_category})
         * @param comment    property for the comment, or null to never send comments (default {@code nps_comment})
         * @param answeredAt property for the time (default {@code nps_answered_at})
         * @return this
         */
        public Builder properties(String score, String category, String comment, String answeredAt) {
            this.scoreProperty = score;
            this.categoryProperty = category;
            this.commentProperty = comment;
            this.answeredAtProperty = answeredAt;
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
         * @return the writer
         * @throws dev.nps.api.NpsException {@code CONFIGURATION} listing every problem
         */
        public HubSpotCrmWriter build() {
            List<String> problems = new ArrayList<>();
            URI uri = Endpoints.check("baseUrl", baseUrl, problems).orElse(null);
            if (token == null || token.isBlank()) {
                problems.add("token: missing; create a HubSpot private app with the crm.objects.contacts.write scope and use its access token");
            } else if (token.chars().anyMatch(c -> c <= ' ')) {
                problems.add("token: contains spaces or control characters; paste the token alone");
            }
            property("scoreProperty", scoreProperty, problems);
            property("categoryProperty", categoryProperty, problems);
            property("answeredAtProperty", answeredAtProperty, problems);
            if (commentProperty != null) {
                property("commentProperty", commentProperty, problems);
            }
            if (idProperty != null) {
                property("idProperty", idProperty, problems);
            }
            http.check("", problems);
            HttpSinkSettings.throwIfAny("HubSpot writer", problems);
            return new HubSpotCrmWriter(this, uri);
        }

        private static void property(String field, String name, List<String> problems) {
            if (name == null || !name.matches("[a-z][a-z0-9_]{0,99}")) {
                problems.add(field + ": must be a HubSpot internal property name (lower case, digits, '_'), got "
                        + (name == null ? "null" : "'" + name + "'"));
            }
        }
    }
}
