package dev.nps.channels.sms;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.Channel;
import dev.nps.spi.ChannelProvider;
import dev.nps.spi.PluginConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * ServiceLoader entry point of the SMS channel, named {@code sms}. Keys under the channel's prefix:
 * {@code transport} ({@code rest} or {@code smpp}); for REST {@code rest.base-url}, {@code rest.account-sid},
 * {@code rest.auth-token}, {@code rest.from} or {@code rest.messaging-service-sid}, {@code rest.status-callback},
 * {@code rest.connect-timeout}, {@code rest.request-timeout}; for SMPP {@code smpp.host}, {@code smpp.port},
 * {@code smpp.system-id}, {@code smpp.password}, {@code smpp.system-type}, {@code smpp.source-address},
 * {@code smpp.enquire-link}, {@code smpp.response-timeout}, {@code smpp.window}, {@code smpp.max-rate},
 * {@code smpp.rebind-min}, {@code smpp.rebind-max}; for content {@code mode} ({@code auto}, {@code reply},
 * {@code link}), {@code max-segments}, {@code overflow} ({@code shorten}, {@code warn}), {@code help-text},
 * {@code opt-out-text}. Stateless; the transport opens in {@link #create}.
 *
 * @since 0.1
 */
public final class SmsChannelProvider implements ChannelProvider {

    @Override
    public String name() {
        return "sms";
    }

    /**
     * @param config the channel's configuration
     * @return a channel with an open transport
     * @throws NpsException {@code CONFIGURATION} listing every problem
     */
    @Override
    public Channel create(PluginConfig config) {
        List<String> problems = new ArrayList<>();
        String transport = config.string("transport", "").toLowerCase(Locale.ROOT);
        SmsComposer composer = read(problems, () -> composer(config));
        SmsChannel.Builder b = SmsChannel.builder();
        switch (transport) {
            case "rest" -> {
                RestConfig rest = read(problems, () -> new RestConfig(
                        URI.create(config.string("rest.base-url", RestConfig.DEFAULT_BASE_URL)),
                        config.string("rest.account-sid").orElse(null), config.string("rest.auth-token").orElse(null),
                        config.string("rest.from"), config.string("rest.messaging-service-sid"),
                        config.string("rest.status-callback").map(URI::create),
                        config.duration("rest.connect-timeout", RestConfig.DEFAULT_CONNECT_TIMEOUT),
                        config.duration("rest.request-timeout", RestConfig.DEFAULT_REQUEST_TIMEOUT)));
                if (rest != null) {
                    b.rest(rest);
                }
            }
            case "smpp" -> {
                SmppConfig smpp = read(problems, () -> new SmppConfig(config.string("smpp.host").orElse(null),
                        config.integer("smpp.port", SmppConfig.DEFAULT_PORT), config.string("smpp.system-id").orElse(null),
                        config.string("smpp.password").orElse(null), config.string("smpp.system-type", ""),
                        config.string("smpp.source-address").orElse(null),
                        config.duration("smpp.enquire-link", SmppConfig.DEFAULT_ENQUIRE_LINK),
                        config.duration("smpp.response-timeout", SmppConfig.DEFAULT_RESPONSE_TIMEOUT),
                        config.integer("smpp.window", SmppConfig.DEFAULT_WINDOW), config.integer("smpp.max-rate", 0),
                        config.duration("smpp.rebind-min", SmppConfig.DEFAULT_REBIND_MIN),
                        config.duration("smpp.rebind-max", SmppConfig.DEFAULT_REBIND_MAX)));
                if (smpp != null) {
                    b.smpp(smpp);
                }
            }
            default -> problems.add(config.key("transport") + ": set 'rest' (Twilio-compatible API) or 'smpp' (SMPP 3.4)");
        }
        if (!problems.isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, "SMS channel configuration: " + String.join("; ", problems));
        }
        return b.composer(composer).build();
    }

    private static SmsComposer composer(PluginConfig config) {
        SmsComposer.Mode mode = parseEnum(SmsComposer.Mode.class, config, "mode", SmsComposer.Mode.AUTO);
        SmsComposer.Overflow overflow = parseEnum(SmsComposer.Overflow.class, config, "overflow", SmsComposer.Overflow.SHORTEN);
        SmsTexts texts = SmsTexts.defaults();
        Optional<String> help = config.string("help-text");
        if (help.isPresent()) {
            texts = texts.with(SmsTexts.HELP, help.get());
        }
        Optional<String> optOut = config.string("opt-out-text");
        if (optOut.isPresent()) {
            texts = texts.with(SmsTexts.OPT_OUT, optOut.get());
        }
        return new SmsComposer(texts, mode, config.integer("max-segments", SmsComposer.DEFAULT_MAX_SEGMENTS), overflow);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, PluginConfig config, String name, E defaultValue) {
        Optional<String> v = config.string(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, v.get().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new NpsException(ErrorCode.CONFIGURATION, config.key(name) + ": use one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private static <T> T read(List<String> problems, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (NpsException e) {
            problems.add(e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            problems.add("a URL does not parse: " + e.getMessage());
            return null;
        }
    }
}
