package dev.nps.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ChannelName;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.QuietHours;
import dev.nps.spi.Channel;
import dev.nps.spi.ChannelProvider;
import dev.nps.spi.PluginConfig;
import dev.nps.spi.SendOutcome;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SmsChannelProviderTest {

    @Test
    void isDiscoveredByServiceLoaderUnderTheNameSms() {
        List<ChannelProvider> providers = ServiceLoader.load(ChannelProvider.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(providers).extracting(ChannelProvider::name).containsExactly("sms");
    }

    @Test
    void createsARestChannelFromConfigurationThatSends() throws Exception {
        try (FakeTwilio twilio = new FakeTwilio()) {
            Map<String, String> m = new HashMap<>();
            m.put("nps.channel.sms.transport", "rest");
            m.put("nps.channel.sms.rest.base-url", twilio.baseUrl().toString());
            m.put("nps.channel.sms.rest.account-sid", FakeTwilio.SID);
            m.put("nps.channel.sms.rest.auth-token", FakeTwilio.TOKEN);
            m.put("nps.channel.sms.rest.from", "+15005550006");
            m.put("nps.channel.sms.rest.request-timeout", "5s");
            m.put("nps.channel.sms.mode", "reply");
            m.put("nps.channel.sms.help-text", "Acme help");
            try (Channel c = new SmsChannelProvider().create(PluginConfig.of("nps.channel.sms", m))) {
                assertThat(c.name()).isEqualTo(ChannelName.SMS);
                assertThat(c.send(Fixtures.delivery(Locale.ENGLISH))).isInstanceOf(SendOutcome.Accepted.class);
                assertThat(((SmsChannel) c).composer().texts().get(SmsTexts.HELP, Locale.ENGLISH)).isEqualTo("Acme help");
                assertThat(c.toString()).doesNotContain(FakeTwilio.TOKEN);
            }
        }
    }

    @Test
    void createsAnSmppChannelFromConfiguration() throws Exception {
        try (FakeSmsc smsc = new FakeSmsc()) {
            Map<String, String> m = Map.of("sms.transport", "smpp", "sms.smpp.host", "127.0.0.1", "sms.smpp.port", Integer.toString(smsc.port),
                    "sms.smpp.system-id", FakeSmsc.SYSTEM_ID, "sms.smpp.password", FakeSmsc.PASSWORD, "sms.smpp.source-address", "ACME",
                    "sms.smpp.window", "4", "sms.max-segments", "2", "sms.mode", "score-links");
            try (Channel c = new SmsChannelProvider().create(PluginConfig.of("sms", m))) {
                assertThat(c.toString()).isEqualTo("sms(smpp:127.0.0.1:" + smsc.port + ")");
            }
        }
    }

    @Test
    void reportsEveryConfigurationProblemAtOnceWithoutTheSecret() {
        Map<String, String> m = Map.of("sms.transport", "rest", "sms.rest.base-url", "ftp://x", "sms.rest.auth-token", "s3cr3t-token");
        assertThatThrownBy(() -> new SmsChannelProvider().create(PluginConfig.of("sms", m)))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("sms.rest.base-url").hasMessageContaining("sms.rest.account-sid")
                .hasMessageContaining("sms.rest.from / sms.rest.messaging-service-sid").hasMessageNotContaining("s3cr3t-token");
    }

    @Test
    void missingTransportNamesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> new SmsChannelProvider().create(PluginConfig.of("nps.channel.sms", Map.of())))
                .isInstanceOf(NpsException.class).hasMessageContaining("nps.channel.sms.transport: set 'rest'");
    }

    @Test
    void rejectsAnUnknownMode() {
        assertThatThrownBy(() -> new SmsChannelProvider().create(PluginConfig.of("sms", Map.of("sms.transport", "rest", "sms.mode", "carrier-pigeon"))))
                .isInstanceOf(NpsException.class).hasMessageContaining("sms.mode: use one of");
    }

    @Test
    void smppSettingsAreValidatedTogether() {
        assertThatThrownBy(() -> new SmppConfig("", 0, "", "toolongpassword", "", "not a valid sender!", null, null, 0, -1, null, null))
                .isInstanceOf(NpsException.class)
                .hasMessageContaining("sms.smpp.host").hasMessageContaining("sms.smpp.port").hasMessageContaining("sms.smpp.system-id")
                .hasMessageContaining("sms.smpp.password").hasMessageContaining("sms.smpp.source-address")
                .hasMessageContaining("sms.smpp.window").hasMessageContaining("sms.smpp.max-rate").hasMessageNotContaining("toolongpassword");
        assertThat(SmppConfig.of("h", 2775, "id", "pw", "+15005550006").toString()).doesNotContain("pw,").contains("<redacted>");
    }

    @Test
    void exposesTheTcpaWindowAsTheDefaultSmsQuietHours() {
        assertThat(SmsChannel.DEFAULT_QUIET_HOURS).isEqualTo(QuietHours.SMS_DEFAULT);
        assertThat(SmsChannel.DEFAULT_QUIET_HOURS.contains(LocalTime.of(20, 59))).isFalse();
        assertThat(SmsChannel.DEFAULT_QUIET_HOURS.contains(LocalTime.of(21, 0))).isTrue();
        assertThat(SmsChannel.DEFAULT_QUIET_HOURS.contains(LocalTime.of(7, 59))).isTrue();
        assertThat(SmsChannel.DEFAULT_QUIET_HOURS.contains(SmsChannel.ALLOWED_FROM)).isFalse();
    }

    @Test
    void builderRefusesTwoTransports() {
        SmsChannel.Builder b = SmsChannel.builder().rest(RestConfig.of("AC1", "t", "+15005550006"));
        assertThatThrownBy(() -> b.smpp(SmppConfig.of("h", 2775, "id", "pw", "+15005550006")))
                .isInstanceOf(NpsException.class).hasMessageContaining("already set to rest");
        assertThatThrownBy(() -> SmsChannel.builder().build()).isInstanceOf(NpsException.class).hasMessageContaining("sms.transport");
    }
}
