package dev.nps.api;

import dev.nps.api.internal.Checks;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of a channel a survey is sent or answered through ({@code email}, {@code sms}, {@code in-app},
 * or a plug-in's own name). Lower case letters, digits and '-'.
 *
 * @param value the name
 * @since 0.1
 */
public record ChannelName(String value) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9\\-]{0,31}");

    public static final ChannelName EMAIL = new ChannelName("email");
    public static final ChannelName SMS = new ChannelName("sms");
    public static final ChannelName IN_APP = new ChannelName("in-app");
    /** Answers given on a web page reached without an invitation (a link on a site, a kiosk). */
    public static final ChannelName WEB = new ChannelName("web");
    /** Responses loaded from an export of another tool. */
    public static final ChannelName IMPORT = new ChannelName("import");
    /** Responses recorded directly through the API. */
    public static final ChannelName API = new ChannelName("api");

    public ChannelName {
        Checks.notNull(value, "channel");
        if (!NAME.matcher(value).matches()) {
            throw NpsException.invalid("channel", "must be 1-32 lower-case letters, digits or '-', starting with a letter");
        }
    }

    /** Parses a channel name, ignoring case and surrounding spaces. */
    public static ChannelName of(String value) {
        Checks.notNull(value, "channel");
        return new ChannelName(value.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
