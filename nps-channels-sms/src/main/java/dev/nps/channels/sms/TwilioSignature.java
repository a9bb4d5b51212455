package dev.nps.channels.sms;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Twilio-Signature} of a webhook request: Base64 of HMAC-SHA1, keyed with the auth token, over the
 * full URL followed by every POST parameter name and value, sorted by name. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class TwilioSignature {
    /** The header carrying the signature. {@value} */
    public static final String HEADER = "X-Twilio-Signature";

    private final byte[] key;

    /** @param authToken the account's auth token, not blank */
    public TwilioSignature(String authToken) {
        Objects.requireNonNull(authToken, "authToken");
        if (authToken.isBlank()) {
            throw dev.nps.api.NpsException.invalid("sms.rest.auth-token", "must not be blank");
        }
        this.key = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Computes the signature.
     *
     * @param url    the full URL the provider requested, with scheme, host, path and query string
     * @param params the POST form parameters (names and values, decoded)
     * @return the Base64 signature
     */
    public String sign(String url, Map<String, String> params) {
        Objects.requireNonNull(url, "url");
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is required of every Java runtime", e);
        }
    }

    /**
     * Checks a signature in constant time.
     *
     * @param url       the full URL the provider requested
     * @param params    the POST form parameters
     * @param signature the header value, may be null
     * @return whether it is present and correct
     */
    public boolean verify(String url, Map<String, String> params, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sign(url, params).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
