package dev.nps.http.dashboard;

import com.sun.net.httpserver.HttpExchange;
import dev.nps.api.NpsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Decides whether a request may see the dashboard: the host's own authentication hook (a session check, a reverse
 * proxy header it trusts, single sign-on), or one of the built-in credentials.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DashboardAccess {

    /**
     * @param exchange the request (read its headers; do not send a response)
     * @return whether the request may proceed
     */
    boolean permits(HttpExchange exchange);

    /**
     * HTTP Basic with one user name and password, compared in constant time.
     *
     * @param user     the user name, not blank
     * @param password the password, at least 12 characters
     * @return the check
     * @throws NpsException {@code INVALID_ARGUMENT} for a blank user or a short password
     */
    static DashboardAccess basic(String user, String password) {
        if (user == null || user.isBlank() || user.indexOf(':') >= 0) {
            throw NpsException.invalid("dashboard basic user", "must be a non-blank name without ':'");
        }
        if (password == null || password.length() < 12) {
            throw NpsException.invalid("dashboard basic password", "must be at least 12 characters; generate a random one");
        }
        byte[] expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return false;
            }
            try {
                byte[] given = Base64.getDecoder().decode(header.substring(6).trim());
                return Credentials.equal(given, expected);
            } catch (IllegalArgumentException e) {
                return false;
            }
        };
    }

    /**
     * A bearer token in the {@code Authorization} header, compared in constant time. (The dashboard also accepts
     * the same token once as {@code ?token=} and then keeps a session cookie, so a browser can open a link.)
     *
     * @param token the token, at least 16 characters
     * @return the check
     * @throws NpsException {@code INVALID_ARGUMENT} for a short token
     */
    static DashboardAccess bearerToken(String token) {
        Credentials.checkToken(token);
        byte[] expected = token.getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && Credentials.equal(header.substring(7).trim().getBytes(StandardCharsets.UTF_8), expected);
        };
    }

    /** Constant-time comparison helpers. */
    final class Credentials {
        private Credentials() {}

        /** Compares digests, so neither the content nor the length of the secret leaks through timing. */
        static boolean equal(byte[] given, byte[] expected) {
            try {
                MessageDigest a = MessageDigest.getInstance("SHA-256");
                MessageDigest b = MessageDigest.getInstance("SHA-256");
                return MessageDigest.isEqual(a.digest(given), b.digest(expected));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }

        static void checkToken(String token) {
            if (token == null || token.length() < 16 || token.isBlank()) {
                throw NpsException.invalid("dashboard token", "must be at least 16 characters; generate a random one, "
                        + "e.g. openssl rand -hex 24");
            }
        }
    }
}
