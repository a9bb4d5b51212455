package dev.nps.store.jdbc;

import dev.nps.api.ChannelName;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Trigger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Text forms of the small structured parts of surveys and contacts (channel lists, triggers). They are
 * configuration, never filtered on, so a column each would only make migrations harder.
 */
final class Codec {
    private Codec() {}

    static String channels(Collection<ChannelName> channels) {
        return channels.stream().map(ChannelName::value).collect(Collectors.joining(","));
    }

    static String sortedChannels(Collection<ChannelName> channels) {
        return channels.stream().map(ChannelName::value).sorted().collect(Collectors.joining(","));
    }

    static List<ChannelName> parseChannels(String text) {
        List<ChannelName> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String s : text.split(",")) {
            out.add(new ChannelName(s));
        }
        return out;
    }

    /** One trigger a line: {@code event<TAB>type<TAB>delay<TAB>k=v&k=v} or {@code schedule<TAB>expression}. */
    static String triggers(List<Trigger> triggers) {
        StringBuilder sb = new StringBuilder();
        for (Trigger t : triggers) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            if (t instanceof Trigger.OnEvent e) {
                sb.append("event\t").append(encode(e.eventType())).append('\t').append(e.delay()).append('\t').append(map(e.conditions()));
            } else if (t instanceof Trigger.OnSchedule s) {
                sb.append("schedule\t").append(encode(s.schedule()));
            } else {
                throw new IllegalStateException("unknown trigger type " + t.getClass().getName());
            }
        }
        return sb.toString();
    }

    static List<Trigger> parseTriggers(String text) {
        List<Trigger> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "event" -> out.add(new Trigger.OnEvent(decode(f[1]), Duration.parse(f[2]), parseMap(f[3])));
                case "schedule" -> out.add(new Trigger.OnSchedule(decode(f[1])));
                default -> throw new NpsException(ErrorCode.STORE_FAILURE,
                        "stored survey has a trigger of unknown kind '" + f[0] + "'; was it written by a newer version?");
            }
        }
        return out;
    }

    private static String map(Map<String, String> m) {
        return m.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    private static Map<String, String> parseMap(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return m;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            m.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return m;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
