package dev.nps.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the in-app API's signature: hex HMAC-SHA256, with the shared secret, over {@code contactId + "\n" +
 * timestamp} (epoch seconds). Stale timestamps are refused; signatures are compared in constant time.
 */
final class RequestAuth {
    private final byte[] secret;
    private final Clock clock;
    private final Duration maxSkew;

    RequestAuth(byte[] secret, Clock clock, Duration maxSkew) {
        this.secret = secret.clone();
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    /** @return whether the signature is valid and fresh */
    boolean verify(String contactId, String timestamp, String signature) {
        if (contactId == null || timestamp == null || signature == null || signature.length() != 64) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - ts) > maxSkew.toSeconds()) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signature.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, contactId, ts), presented);
    }

    static byte[] sign(byte[] secret, String contactId, long epochSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal((contactId + "\n" + epochSeconds).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
