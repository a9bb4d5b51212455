package dev.nps.channels.email;

/**
 * How the connection to the SMTP server is protected.
 *
 * @since 0.1
 */
public enum SmtpSecurity {
    /** Plain SMTP, no TLS. Only for a relay on the same host or a test server. */
    NONE,
    /** TLS from the first byte (implicit TLS, usually port 465). */
    SMTPS,
    /** Plain connection upgraded with STARTTLS, which is required: the channel refuses to send without it (usually port 587). */
    STARTTLS;

    /** @return the usual port for this security mode */
    public int defaultPort() {
        return switch (this) {
            case NONE -> 25;
            case SMTPS -> 465;
            case STARTTLS -> 587;
        };
    }
}
