package dev.nps.channels.email;

/**
 * Where the email channel reports addresses that must not be mailed again: an SMTP server refusing a mailbox
 * permanently, and (wired by the host application) a provider's bounce or complaint webhook. Implementations add the
 * address to the engine's suppression list; they must be thread-safe and must not log the address.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EmailSuppressions {

    /** Why an address is suppressed. */
    enum Reason {
        /** The receiving server said the mailbox does not exist or is disabled (SMTP 550/551/553, a hard bounce). */
        HARD_BOUNCE,
        /** The recipient marked a message as spam (a feedback-loop complaint). */
        COMPLAINT,
        /** The recipient unsubscribed through the mail client or a link. */
        UNSUBSCRIBE
    }

    /**
     * Records that an address must not be mailed again.
     *
     * @param email  the address, never null
     * @param reason why, never null
     */
    void suppress(String email, Reason reason);

    /**
     * @return suppressions that are dropped: only for setups where the dispatcher's handling of
     *         {@code SendOutcome.Permanent(suppressRecipient=true)} is the single place suppressions are kept
     */
    static EmailSuppressions none() {
        return (email, reason) -> { };
    }
}
