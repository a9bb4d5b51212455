package dev.nps.engine.links;

import dev.nps.api.internal.Checks;
import dev.nps.spi.ResponseToken;

/**
 * What a presented response-link token turned out to be.
 *
 * @since 0.1
 */
public sealed interface TokenCheck {

    /** A known token that has not expired. @param token the stored token */
    record Valid(ResponseToken token) implements TokenCheck {
        public Valid {
            Checks.notNull(token, "token");
        }
    }

    /** A known token past its expiry. @param token the stored token */
    record Expired(ResponseToken token) implements TokenCheck {
        public Expired {
            Checks.notNull(token, "token");
        }
    }

    /** Malformed, forged or unknown. */
    record Unknown() implements TokenCheck {}
}
