package dev.nps.channels.sms;

import java.util.Optional;

/**
 * Receives delivery status changes of sent messages (from status callbacks or SMPP receipts). Called only when
 * the status advances, at most once per status and message. Implementations are thread-safe and quick.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface SmsStatusListener {

    /**
     * @param providerMessageId the id the provider gave on sending (the {@code Accepted} outcome's id)
     * @param status            the new status
     * @param errorCode         the provider's error code for UNDELIVERED or FAILED, if any
     */
    void onStatus(String providerMessageId, SmsStatus status, Optional<String> errorCode);

    /** A listener that ignores every change. */
    SmsStatusListener NONE = (id, status, error) -> {};
}
