package dev.nps.channels.email;

import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks email addresses before anything is sent, so a malformed one becomes a clear permanent outcome instead of
 * a server error. Reasons never repeat the address: they end up in logs and outcomes.
 */
final class Addresses {
    /** RFC 5322 atext, ASCII part; anything at or above U+0080 is allowed too (RFC 6531, needs SMTPUTF8). */
    private static final String ATEXT = "!#$%&'*+-/=?^_`{|}~";

    private Addresses() {}

    /** @return why the address is unusable, or empty when it is fine */
    static Optional<String> check(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Optional.of("expected local-part@domain");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.getBytes(StandardCharsets.UTF_8).length > 64) {
            return Optional.of("the local part is longer than 64 bytes");
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.of("the local part has a leading, trailing or doubled dot");
        }
        for (int i = 0; i < local.length(); ) {
            int cp = local.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x80) {
                if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    return Optional.of("the local part contains a space or control character");
                }
            } else if (!(Character.isLetterOrDigit(cp) || cp == '.' || ATEXT.indexOf(cp) >= 0)) {
                return Optional.of("the local part contains a character that needs quoting (quoted local parts are not supported)");
            }
        }
        return asciiDomain(domain).isPresent() ? Optional.empty() : Optional.of("the domain is not a valid host name");
    }

    /** @return the domain in its ASCII (punycode) form, or empty when it is not a valid host name */
    static Optional<String> asciiDomain(String domain) {
        if (domain.isEmpty() || domain.startsWith("[") || domain.endsWith(".")) {
            return Optional.empty();
        }
        try {
            String ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
            if (ascii.length() > 253 || !ascii.contains(".") || ascii.matches(".*\\.[0-9]+")) {
                return Optional.empty();
            }
            for (String label : ascii.split("\\.", -1)) {
                if (label.isEmpty() || label.length() > 63) {
                    return Optional.empty();
                }
            }
            return Optional.of(ascii);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String normalise(String address) {
        return address.strip();
    }

    /** @return whether sending to this (checked) address needs the SMTPUTF8 extension */
    static boolean needsSmtpUtf8(String address) {
        String local = address.substring(0, address.lastIndexOf('@'));
        return !StandardCharsets.US_ASCII.newEncoder().canEncode(local);
    }

    /**
     * Builds the address for the envelope and header with the domain in ASCII, so only a non-ASCII local part
     * needs SMTPUTF8. The address is not re-parsed: {@link #check} already decided it is fine, and Jakarta
     * Mail's parser only accepts UTF-8 when a JVM-wide system property is set.
     */
    static InternetAddress toInternetAddress(String checked) {
        int at = checked.lastIndexOf('@');
        InternetAddress a = new InternetAddress();
        a.setAddress(checked.substring(0, at) + "@" + asciiDomain(checked.substring(at + 1)).orElseThrow());
        return a;
    }

    /** @return the ASCII domain of a checked address (used for Message-IDs) */
    static String domainOf(String checked) {
        return asciiDomain(checked.substring(checked.lastIndexOf('@') + 1)).orElseThrow();
    }
}
