package dev.nps.channels.email;

import java.util.Objects;

/**
 * One rendered invitation: what the recipient would see. Returned by {@link EmailChannel#preview} so templates can
 * be checked without sending.
 *
 * @param subject the subject line, one line
 * @param text    the text/plain body
 * @param html    the text/html body
 * @since 0.1
 */
public record RenderedEmail(String subject, String text, String html) {
    public RenderedEmail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
