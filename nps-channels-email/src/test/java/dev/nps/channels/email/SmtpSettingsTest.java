package dev.nps.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.PluginConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {

    @Test
    void reportsEveryConfigurationProblemAtOnce() {
        PluginConfig config = PluginConfig.of("nps.channel.email", Map.of(
                "nps.channel.email.port", "seventy",
                "nps.channel.email.security", "tls",
                "nps.channel.email.from", "not-an-address",
                "nps.channel.email.username", "surveys",
                "nps.channel.email.timeout.read", "forever",
                "nps.channel.email.pool.size", "0",
                "nps.channel.email.brand.primary-color", "red",
                "nps.channel.email.brand.logo-url", "http://acme.example/logo.png"));

        assertThatThrownBy(() -> SmtpSettings.fromConfig(config))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("nps.channel.email.port: not an integer")
                .hasMessageContaining("nps.channel.email.security: unknown value")
                .hasMessageContaining("nps.channel.email.timeout.read: not a duration")
                .hasMessageContaining("nps.channel.email.host: must be set")
                .hasMessageContaining("nps.channel.email.from: is not an email address")
                .hasMessageContaining("nps.channel.email.password: must be set when username is")
                .hasMessageContaining("nps.channel.email.postal-address: must be set")
                .hasMessageContaining("nps.channel.email.pool.size: must be 1..64")
                .hasMessageContaining("nps.channel.email.brand.name: must be set")
                .hasMessageContaining("nps.channel.email.brand.primary-color: must be a hex colour")
                .hasMessageContaining("nps.channel.email.brand.logo-url: must be an absolute https URL");
    }

    @Test
    void readsACompleteConfiguration() {
        PluginConfig config = PluginConfig.of("nps.channel.email", Map.ofEntries(
                Map.entry("nps.channel.email.host", "smtp.acme.example"),
                Map.entry("nps.channel.email.security", "smtps"),
                Map.entry("nps.channel.email.username", "surveys"),
                Map.entry("nps.channel.email.password", "s3cret"),
                Map.entry("nps.channel.email.from", "surveys@acme.example"),
                Map.entry("nps.channel.email.reply-to", "team@acme.example"),
                Map.entry("nps.channel.email.postal-address", "Acme Inc., 1 Main Street, Springfield"),
                Map.entry("nps.channel.email.brand.name", "Acme"),
                Map.entry("nps.channel.email.brand.primary-color", "#0A0"),
                Map.entry("nps.channel.email.brand.logo-url", "https://acme.example/logo.png"),
                Map.entry("nps.channel.email.timeout.read", "15s"),
                Map.entry("nps.channel.email.pool.recycle-after", "50")));

        SmtpSettings s = SmtpSettings.fromConfig(config);

        assertThat(s.port()).isEqualTo(465);
        assertThat(s.protocol()).isEqualTo("smtps");
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.recycleAfter()).isEqualTo(50);
        assertThat(s.brand().primaryColor()).isEqualTo("#0a0");
        assertThat(s.brand().logoUrl()).contains(URI.create("https://acme.example/logo.png"));
        assertThat(s.replyTo()).contains("team@acme.example");
        assertThat(s.toString()).doesNotContain("s3cret");
    }

    @Test
    void hasFiniteTimeoutsByDefault() {
        SmtpSettings s = Fixtures.settings(25).connectTimeout(Duration.ofSeconds(SmtpSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS))
                .readTimeout(Duration.ofSeconds(SmtpSettings.DEFAULT_READ_TIMEOUT_SECONDS))
                .writeTimeout(Duration.ofSeconds(SmtpSettings.DEFAULT_WRITE_TIMEOUT_SECONDS)).build();
        SmtpSettings defaults = SmtpSettings.builder().host("smtp.acme.example").from("a@acme.example").brandName("Acme")
                .postalAddress("1 Main St").build();

        assertThat(defaults.connectTimeout()).isEqualTo(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(defaults.port()).isEqualTo(587);
    }

    @Test
    void rejectsAZeroOrHugeTimeout() {
        assertThatThrownBy(() -> Fixtures.settings(25).readTimeout(Duration.ZERO).writeTimeout(Duration.ofDays(1)).build())
                .hasMessageContaining("timeout.read: must be positive")
                .hasMessageContaining("timeout.write: must be positive and at most 600s");
    }

    @Test
    void rejectsABrandNameSpanningLines() {
        assertThatThrownBy(() -> Brand.of("Acme\r\nBcc: everyone@example.com"))
                .isInstanceOf(NpsException.class).hasMessageContaining("brand.name: must be one line");
    }

    @Test
    void rejectsAPlainHttpLogo() {
        assertThatThrownBy(() -> Brand.of("Acme").withLogo(URI.create("http://acme.example/logo.png")))
                .hasMessageContaining("brand.logo-url: must be an absolute https URL");
    }
}
