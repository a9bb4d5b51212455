package dev.nps.store.jdbc;

import java.util.regex.Pattern;

/** Removes secrets from JDBC URLs and driver messages before they reach a log or an exception. */
final class Redaction {
    // password=..., pwd=..., passwd=... as a query (?&) or H2-style (;) parameter, up to the next separator.
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:password|passwd|pwd|sslpassword|secret)\\s*=)[^&;)\\s]*");
    // user:secret@host in the authority part (MySQL Connector/J accepts it).
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@;?]+):[^@/;?]*@");

    private Redaction() {}

    /** @return the URL with every password replaced by {@code ***} */
    static String maskUrl(String url) {
        if (url == null) {
            return "(no url)";
        }
        String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1:***@");
    }

    /**
     * @param message a driver message, may be null
     * @param password the configured password, may be null
     * @return the message with URLs masked and the password itself removed
     */
    static String maskMessage(String message, String password) {
        if (message == null) {
            return "";
        }
        String m = maskUrl(message);
        if (password != null && !password.isEmpty()) {
            m = m.replace(password, "***");
        }
        return m;
    }
}
