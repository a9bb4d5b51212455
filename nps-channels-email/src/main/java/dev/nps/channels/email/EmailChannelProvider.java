package dev.nps.channels.email;

import dev.nps.spi.Channel;
import dev.nps.spi.ChannelProvider;
import dev.nps.spi.PluginConfig;

/**
 * ServiceLoader entry point of the email channel, named {@code email}. Stateless: the channel and its
 * connections are made in {@link #create}. See {@link SmtpSettings#fromConfig} for the keys.
 *
 * @since 0.1
 */
public final class EmailChannelProvider implements ChannelProvider {

    /** Public for ServiceLoader. */
    public EmailChannelProvider() {}

    @Override
    public String name() {
        return "email";
    }

    /**
     * @param config the channel's configuration, never null
     * @return a ready channel
     * @throws dev.nps.api.NpsException CONFIGURATION listing every problem
     */
    @Override
    public Channel create(PluginConfig config) {
        return EmailChannel.smtp(SmtpSettings.fromConfig(config));
    }
}
