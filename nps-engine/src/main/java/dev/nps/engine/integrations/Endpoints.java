package dev.nps.engine.integrations;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks of outgoing endpoint URLs: https anywhere, plain http only to this machine. */
final class Endpoints {
    private Endpoints() {}

    /**
     * @return the URI, or empty after adding a problem naming the field
     */
    static Optional<URI> check(String field, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": missing; set the endpoint's https URL");
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            problems.add(field + ": not a URL (" + e.getReason() + ")");
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            problems.add(field + ": has no host; use a full URL such as https://hooks.example.com/...");
            return Optional.empty();
        }
        if (scheme.equals("https")) {
            return Optional.of(uri);
        }
        if (scheme.equals("http") && loopback(uri.getHost())) {
            return Optional.of(uri);
        }
        problems.add(field + ": must use https (plain http is accepted only for localhost/127.0.0.1/::1); got scheme '" + scheme + "'");
        return Optional.empty();
    }

    private static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: never resolve a name here (no DNS lookups while validating configuration).
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** @return the URL without its path and query, for logs (webhook paths often hold secrets) */
    static String redacted(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + "/…";
    }
}
