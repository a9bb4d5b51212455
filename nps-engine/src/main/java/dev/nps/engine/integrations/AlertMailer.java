package dev.nps.engine.integrations;

import dev.nps.spi.SendOutcome;

/**
 * Sends one plain-text email for the {@link EmailAlertSink}. The email channel (or any mail code of the host)
 * satisfies it in a few lines; the engine does not depend on an email module.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AlertMailer {

    /**
     * @param to      the recipient's address
     * @param subject one line
     * @param body    plain text
     * @return what happened; failures are outcomes, never exceptions
     */
    SendOutcome send(String to, String subject, String body);
}
