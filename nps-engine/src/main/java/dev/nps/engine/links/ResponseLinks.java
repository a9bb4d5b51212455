package dev.nps.engine.links;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.Invitation;
import dev.nps.spi.ResponseToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Issues the opaque tokens of response links and builds the links. A token is 128 random bits from a
 * {@link SecureRandom}; only its SHA-256 is stored, so a leaked database does not yield working links. A token is
 * valid for one response (which may be edited) until it expires. Thread-safe.
 *
 * <p>Links: {@code <base>/r/<token>?score=<0..10>} for each score and {@code <base>/u/<token>} to unsubscribe.
 *
 * @since 0.1
 */
public final class ResponseLinks {
    /** Default lifetime of a link: 30 days. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(30);
    /** Path segment of score links. {@value} */
    public static final String RESPONSE_PATH = "r";
    /** Path segment of unsubscribe links. {@value} */
    public static final String UNSUBSCRIBE_PATH = "u";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final URI base;
    private final DispatchStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration expiry;

    /**
     * @param base   the public base URI the HTTP module is served under, e.g. {@code https://acme.example/nps}
     * @param store  where token hashes are kept
     * @param clock  the clock
     * @param random the source of tokens
     * @param expiry how long a link works, positive
     */
    public ResponseLinks(URI base, DispatchStore store, Clock clock, SecureRandom random, Duration expiry) {
        checkBase(base);
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.store = Checks.notNull(store, "store");
        this.clock = Checks.notNull(clock, "clock");
        this.random = Checks.notNull(random, "random");
        Checks.notNull(expiry, "responseLinks.expiry");
        if (expiry.isNegative() || expiry.isZero()) {
            throw NpsException.invalid("responseLinks.expiry", "must be positive (got " + expiry + ")");
        }
        this.expiry = expiry;
    }

    /**
     * Checks a base URI for response links.
     *
     * @param base the base
     * @return the base
     * @throws NpsException {@code INVALID_ARGUMENT} unless it is an absolute http(s) URI without query or fragment
     */
    public static URI checkBase(URI base) {
        Checks.notNull(base, "responseLinks.base");
        if (!base.isAbsolute() || base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
            throw NpsException.invalid("responseLinks.base", "must be an absolute http(s) URI such as https://acme.example/nps");
        }
        if (base.getQuery() != null || base.getFragment() != null) {
            throw NpsException.invalid("responseLinks.base", "must have no query or fragment");
        }
        return base;
    }

    /** @return links under the base with a {@link SecureRandom}, the system UTC clock and the default expiry */
    public static ResponseLinks of(URI base, DispatchStore store, Clock clock) {
        return new ResponseLinks(base, store, clock, new SecureRandom(), DEFAULT_EXPIRY);
    }

    /**
     * Creates a token for the invitation's chain and stores its hash.
     *
     * @param invitation the invitation (or reminder) being sent
     * @return the token, to be put in links only, never logged
     */
    public String issue(Invitation invitation) {
        Checks.notNull(invitation, "invitation");
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.saveToken(new ResponseToken(hash(token), invitation.rootId(), invitation.surveyId(), invitation.contactId(),
                clock.instant().plus(expiry)));
        return token;
    }

    /** @return eleven links, index = score */
    public List<URI> scoreLinks(String token) {
        requireShape(token);
        List<URI> links = new ArrayList<>(11);
        for (int score = 0; score <= 10; score++) {
            links.add(base.resolve(RESPONSE_PATH + "/" + token + "?score=" + score));
        }
        return List.copyOf(links);
    }

    /** @return the link that shows the unsubscribe page and takes a one-click unsubscribe POST */
    public URI unsubscribeLink(String token) {
        requireShape(token);
        return base.resolve(UNSUBSCRIBE_PATH + "/" + token);
    }

    /** @return the base URI, ending with '/' */
    public URI base() {
        return base;
    }

    /**
     * Looks a presented token up by its hash.
     *
     * @param token the token from a link, may be null or garbage
     * @return valid, expired, or unknown (malformed, forged, never issued)
     */
    public TokenCheck check(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return new TokenCheck.Unknown();
        }
        return store.findToken(hash(token)).<TokenCheck>map(t -> clock.instant().isBefore(t.expiresAt())
                ? new TokenCheck.Valid(t) : new TokenCheck.Expired(t)).orElse(new TokenCheck.Unknown());
    }

    /** @return lower-case hex SHA-256 of the token's UTF-8 bytes */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static void requireShape(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw NpsException.invalid("token", "is not a token issued by ResponseLinks (22 base64url characters)");
        }
    }

    /** @return the instant a token issued now would expire */
    Instant expiryFromNow() {
        return clock.instant().plus(expiry);
    }
}
