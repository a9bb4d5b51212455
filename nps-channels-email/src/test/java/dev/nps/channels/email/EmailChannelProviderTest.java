package dev.nps.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.ChannelName;
import dev.nps.spi.Channel;
import dev.nps.spi.ChannelProvider;
import dev.nps.spi.PluginConfig;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class EmailChannelProviderTest {

    @Test
    void isDiscoveredByServiceLoaderUnderTheNameEmail() {
        List<ChannelProvider> found = ServiceLoader.load(ChannelProvider.class).stream().map(ServiceLoader.Provider::get).toList();

        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p).isInstanceOf(EmailChannelProvider.class);
            assertThat(p.name()).isEqualTo("email");
        });
    }

    @Test
    void createsAChannelFromConfigurationWithoutConnecting() {
        PluginConfig config = PluginConfig.of("nps.channel.email", Map.of(
                "nps.channel.email.host", "127.0.0.1",
                "nps.channel.email.port", "1",
                "nps.channel.email.security", "none",
                "nps.channel.email.from", "surveys@acme.example",
                "nps.channel.email.brand.name", "Acme",
                "nps.channel.email.postal-address", "1 Main St"));

        try (Channel c = new EmailChannelProvider().create(config)) {
            assertThat(c.name()).isEqualTo(ChannelName.EMAIL);
            assertThat(((EmailChannel) c).connectionsOpened()).isZero();
        }
    }
}
