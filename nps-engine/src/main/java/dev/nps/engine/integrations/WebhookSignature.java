package dev.nps.engine.integrations;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of an outgoing webhook: header {@value #HEADER} with value {@code t=<unix seconds>,v1=<hex>},
 * where the hex is the HMAC-SHA256, keyed with the shared secret, of {@code "<t>.<body>"}. A consumer recomputes
 * it, compares in constant time and rejects old timestamps (replays).
 *
 * @since 0.1
 */
public final class WebhookSignature {
    /** The signature header. {@value} */
    public static final String HEADER = "X-Nps-Signature";
    /** The event id header: the same id as the body's {@code id}. {@value} */
    public static final String EVENT_ID_HEADER = "X-Nps-Event-Id";
    /** The event type header. {@value} */
    public static final String EVENT_TYPE_HEADER = "X-Nps-Event-Type";

    private WebhookSignature() {}

    /**
     * @param secret    the shared secret
     * @param timestamp the signing time
     * @param body      the exact request body
     * @return the header value {@code t=...,v1=...}
     */
    public static String sign(String secret, Instant timestamp, String body) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + hmac(secret, t + "." + body);
    }

    /**
     * @param secret    the shared secret
     * @param header    the received header value, may be null
     * @param body      the exact received body
     * @param now       the consumer's time
     * @param tolerance the oldest (or most future) timestamp accepted
     * @return whether the signature is valid and fresh
     */
    public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
        Objects.requireNonNull(secret, "secret");
        if (header == null || body == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                try {
                    t = Long.parseLong(p.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (p.startsWith("v1=")) {
                v1 = p.substring(3);
            }
        }
        if (t == null || v1 == null || Math.abs(now.getEpochSecond() - t) > tolerance.getSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
