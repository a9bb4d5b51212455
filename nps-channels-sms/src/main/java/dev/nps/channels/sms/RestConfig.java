package dev.nps.channels.sms;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of the Twilio-compatible REST transport. {@link #toString()} never shows the auth token.
 *
 * @param baseUrl             the API's base URL, default {@value #DEFAULT_BASE_URL}
 * @param accountSid          the account SID (user of Basic auth and part of the path)
 * @param authToken           the auth token (password of Basic auth, key of webhook signatures)
 * @param from                the sender number (E.164) or alphanumeric sender id; or set messagingServiceSid
 * @param messagingServiceSid a messaging service that picks the sender; or set from
 * @param statusCallback      where the provider posts status changes, if wanted
 * @param connectTimeout      how long to wait for a connection
 * @param requestTimeout      how long to wait for the answer once the request is sent
 * @since 0.1
 */
public record RestConfig(URI baseUrl, String accountSid, String authToken, Optional<String> from,
                         Optional<String> messagingServiceSid, Optional<URI> statusCallback,
                         Duration connectTimeout, Duration requestTimeout) {
    /** Default base URL. {@value} */
    public static final String DEFAULT_BASE_URL = "https://api.twilio.com";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private static final Pattern SENDER = Pattern.compile("\\+[1-9][0-9]{6,14}|[0-9]{3,8}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]{2,64}");

    public RestConfig {
        List<String> problems = new ArrayList<>();
        if (baseUrl == null || !baseUrl.isAbsolute() || baseUrl.getHost() == null
                || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))) {
            problems.add("sms.rest.base-url: must be an absolute http(s) URL such as " + DEFAULT_BASE_URL);
        }
        if (accountSid == null || !SID.matcher(accountSid).matches()) {
            problems.add("sms.rest.account-sid: set the account SID (letters and digits, e.g. AC...)");
        }
        if (authToken == null || authToken.isBlank()) {
            problems.add("sms.rest.auth-token: set the account's auth token");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(messagingServiceSid, "messagingServiceSid");
        Objects.requireNonNull(statusCallback, "statusCallback");
        if (from.isPresent() == messagingServiceSid.isPresent()) {
            problems.add("sms.rest.from / sms.rest.messaging-service-sid: set exactly one of them");
        }
        from.filter(f -> !SENDER.matcher(f).matches()).ifPresent(f ->
                problems.add("sms.rest.from: must be an E.164 number, a short code or an alphanumeric sender id of at most 11 characters"));
        messagingServiceSid.filter(f -> !SID.matcher(f).matches()).ifPresent(f ->
                problems.add("sms.rest.messaging-service-sid: letters and digits only (e.g. MG...)"));
        statusCallback.filter(u -> !u.isAbsolute()).ifPresent(u -> problems.add("sms.rest.status-callback: must be an absolute URL"));
        checkTimeout(connectTimeout, "sms.rest.connect-timeout", problems);
        checkTimeout(requestTimeout, "sms.rest.request-timeout", problems);
        if (!problems.isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, "SMS REST transport: " + String.join("; ", problems));
        }
        if (baseUrl.getPath().endsWith("/")) {
            String u = baseUrl.toString();
            baseUrl = URI.create(u.substring(0, u.length() - 1));
        }
    }

    /**
     * @param accountSid the account SID
     * @param authToken  the auth token
     * @param from       the sender number or id
     * @return settings for the default base URL and timeouts, without a status callback
     */
    public static RestConfig of(String accountSid, String authToken, String from) {
        return new RestConfig(URI.create(DEFAULT_BASE_URL), accountSid, authToken, Optional.of(from), Optional.empty(),
                Optional.empty(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** @return a copy with another base URL */
    public RestConfig withBaseUrl(URI url) {
        return new RestConfig(url, accountSid, authToken, from, messagingServiceSid, statusCallback, connectTimeout, requestTimeout);
    }

    /** @return a copy with a status callback URL */
    public RestConfig withStatusCallback(URI url) {
        return new RestConfig(baseUrl, accountSid, authToken, from, messagingServiceSid, Optional.of(url), connectTimeout, requestTimeout);
    }

    /** @return a copy with other timeouts */
    public RestConfig withTimeouts(Duration connect, Duration request) {
        return new RestConfig(baseUrl, accountSid, authToken, from, messagingServiceSid, statusCallback, connect, request);
    }

    static void checkTimeout(Duration d, String key, List<String> problems) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(5)) > 0) {
            problems.add(key + ": must be between 1ms and 5m");
        }
    }

    @Override
    public String toString() {
        return "RestConfig[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken=<redacted>, sender="
                + (from.isPresent() ? "from" : "messagingService") + ", statusCallback=" + statusCallback.isPresent()
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
