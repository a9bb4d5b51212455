package dev.nps.engine.integrations;

import dev.nps.spi.AlertSink;
import dev.nps.spi.AlertSinkProvider;
import dev.nps.spi.PluginConfig;

/**
 * Provider {@code slack}: a {@link SlackWebhookSink} configured under {@code nps.alert.slack.*}: {@code url}
 * (required), {@code connect-timeout}, {@code timeout}, {@code attempts}, {@code backoff}.
 *
 * @since 0.1
 */
public final class SlackAlertSinkProvider implements AlertSinkProvider {
    @Override
    public String name() {
        return "slack";
    }

    @Override
    public boolean configured(PluginConfig config) {
        return config.string("url").isPresent();
    }

    @Override
    public AlertSink create(PluginConfig config) {
        SlackWebhookSink.Builder b = SlackWebhookSink.builder().url(config.string("url").orElse(null));
        return b.httpKeys(config).build();
    }
}
