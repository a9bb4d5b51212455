package dev.nps.spi;

import dev.nps.api.ChannelName;

/**
 * Sends survey messages over one medium. Thread-safe. Per-recipient failures are outcomes, never exceptions;
 * every network call has a timeout.
 *
 * @since 0.1
 */
public interface Channel extends AutoCloseable {

    /** @return the channel's name, as used in surveys' channel lists */
    ChannelName name();

    /** @return whether this channel can reach the contact at all (e.g. has an email address) */
    boolean canReach(dev.nps.api.Contact contact);

    /**
     * Sends one message.
     *
     * @return the outcome, never null
     */
    SendOutcome send(Delivery delivery);

    /** Lets in-flight sends finish, then releases connections. */
    @Override
    void close();
}
