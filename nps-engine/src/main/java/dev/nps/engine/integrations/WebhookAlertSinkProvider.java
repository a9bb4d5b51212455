package dev.nps.engine.integrations;

import dev.nps.spi.AlertSink;
import dev.nps.spi.AlertSinkProvider;
import dev.nps.spi.PluginConfig;

/**
 * Provider {@code webhook}: a signed {@link WebhookSink} configured under {@code nps.alert.webhook.*}: {@code url}
 * and {@code secret} (required), {@code connect-timeout}, {@code timeout}, {@code attempts}, {@code backoff}.
 *
 * @since 0.1
 */
public final class WebhookAlertSinkProvider implements AlertSinkProvider {
    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean configured(PluginConfig config) {
        return config.string("url").isPresent() || config.string("secret").isPresent();
    }

    @Override
    public AlertSink create(PluginConfig config) {
        WebhookSink.Builder b = WebhookSink.builder().url(config.string("url").orElse(null)).secret(config.string("secret").orElse(null));
        return b.httpKeys(config).build();
    }
}
