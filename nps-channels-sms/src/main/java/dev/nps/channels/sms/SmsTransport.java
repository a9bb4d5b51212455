package dev.nps.channels.sms;

import dev.nps.spi.SendOutcome;

/** One way of handing a text to the SMS network. Thread-safe; failures are outcomes. */
interface SmsTransport extends AutoCloseable {

    /**
     * @param to        E.164 number
     * @param text      the text
     * @param segments  its encoding and segments
     * @param reference the invitation id, for logs (never personal data)
     */
    SendOutcome send(String to, String text, SmsSegments segments, String reference);

    /** @return a short description for logs, without secrets */
    String describe();

    @Override
    void close();
}
