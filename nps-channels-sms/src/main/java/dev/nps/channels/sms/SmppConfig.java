package dev.nps.channels.sms;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of the SMPP 3.4 transport (bound as transceiver: it sends, and receives receipts and replies on the
 * same session). {@link #toString()} never shows the password.
 *
 * @param host                the SMSC host
 * @param port                the SMSC port (usually 2775)
 * @param systemId            the ESME's system_id
 * @param password            the password
 * @param systemType          the system_type (often empty)
 * @param sourceAddress       the sender: an E.164 number, a short code or an alphanumeric id of at most 11 characters
 * @param enquireLinkInterval how often an idle session is probed (enquire_link)
 * @param responseTimeout     how long to wait for a response PDU; a submit without one is ambiguous
 * @param window              submits in flight at once on the session (pipelining), 1..1000
 * @param maxRatePerSecond    highest submit rate, 0 for no limit; throttling lowers the actual rate adaptively
 * @param rebindMin           first delay before binding again after the session dropped
 * @param rebindMax           largest delay between bind attempts (the delay doubles up to it)
 * @since 0.1
 */
public record SmppConfig(String host, int port, String systemId, String password, String systemType, String sourceAddress,
                         Duration enquireLinkInterval, Duration responseTimeout, int window, int maxRatePerSecond,
                         Duration rebindMin, Duration rebindMax) {
    public static final int DEFAULT_PORT = 2775;
    public static final Duration DEFAULT_ENQUIRE_LINK = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** Default window. {@value} */
    public static final int DEFAULT_WINDOW = 10;
    public static final Duration DEFAULT_REBIND_MIN = Duration.ofSeconds(1);
    public static final Duration DEFAULT_REBIND_MAX = Duration.ofSeconds(60);

    private static final Pattern SOURCE = Pattern.compile("\\+[1-9][0-9]{6,14}|[0-9]{3,15}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");

    public SmppConfig {
        List<String> problems = new ArrayList<>();
        if (host == null || host.isBlank()) {
            problems.add("sms.smpp.host: set the SMSC host name");
        }
        if (port < 1 || port > 65535) {
            problems.add("sms.smpp.port: must be 1..65535 (usually " + DEFAULT_PORT + ")");
        }
        if (systemId == null || systemId.isEmpty() || systemId.length() > 15) {
            problems.add("sms.smpp.system-id: set the system_id, 1-15 characters");
        }
        if (password == null || password.length() > 8) {
            problems.add("sms.smpp.password: set the password, at most 8 characters (SMPP 3.4)");
        }
        systemType = systemType == null ? "" : systemType;
        if (systemType.length() > 12) {
            problems.add("sms.smpp.system-type: at most 12 characters");
        }
        if (sourceAddress == null || !SOURCE.matcher(sourceAddress).matches()) {
            problems.add("sms.smpp.source-address: an E.164 number, a short code or an alphanumeric id of at most 11 characters");
        }
        RestConfig.checkTimeout(enquireLinkInterval, "sms.smpp.enquire-link", problems);
        RestConfig.checkTimeout(responseTimeout, "sms.smpp.response-timeout", problems);
        RestConfig.checkTimeout(rebindMin, "sms.smpp.rebind-min", problems);
        RestConfig.checkTimeout(rebindMax, "sms.smpp.rebind-max", problems);
        if (rebindMin != null && rebindMax != null && rebindMin.compareTo(rebindMax) > 0) {
            problems.add("sms.smpp.rebind-min: must not exceed sms.smpp.rebind-max");
        }
        if (window < 1 || window > 1000) {
            problems.add("sms.smpp.window: must be 1..1000 (got " + window + ")");
        }
        if (maxRatePerSecond < 0 || maxRatePerSecond > 100_000) {
            problems.add("sms.smpp.max-rate: must be 0 (no limit) .. 100000 per second (got " + maxRatePerSecond + ")");
        }
        if (!problems.isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, "SMPP transport: " + String.join("; ", problems));
        }
    }

    /**
     * @return settings with the defaults for everything but the connection and sender
     */
    public static SmppConfig of(String host, int port, String systemId, String password, String sourceAddress) {
        return new SmppConfig(host, port, systemId, password, "", sourceAddress, DEFAULT_ENQUIRE_LINK, DEFAULT_RESPONSE_TIMEOUT,
                DEFAULT_WINDOW, 0, DEFAULT_REBIND_MIN, DEFAULT_REBIND_MAX);
    }

    /** @return a copy with another window and rate limit */
    public SmppConfig withWindow(int window, int maxRatePerSecond) {
        return new SmppConfig(host, port, systemId, password, systemType, sourceAddress, enquireLinkInterval, responseTimeout,
                window, maxRatePerSecond, rebindMin, rebindMax);
    }

    /** @return a copy with other timers */
    public SmppConfig withTimers(Duration enquireLink, Duration responseTimeout, Duration rebindMin, Duration rebindMax) {
        return new SmppConfig(host, port, systemId, password, systemType, sourceAddress, enquireLink, responseTimeout,
                window, maxRatePerSecond, rebindMin, rebindMax);
    }

    @Override
    public String toString() {
        return "SmppConfig[" + host + ":" + port + ", systemId=" + Objects.toString(systemId) + ", password=<redacted>, window="
                + window + ", maxRate=" + maxRatePerSecond + "]";
    }
}
