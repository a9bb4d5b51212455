package dev.nps.engine.integrations;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.time.Duration;
import java.util.List;

/** Timeouts and in-line retries shared by the HTTP sinks and writers, with their checks. */
final class HttpSinkSettings {
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_ATTEMPTS = 3;
    static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);

    Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    int attempts = DEFAULT_ATTEMPTS;
    Duration backoff = DEFAULT_BACKOFF;
    Sleeper sleeper = Sleeper.THREAD;

    void check(String prefix, List<String> problems) {
        timeout(prefix + "connect-timeout", connectTimeout, problems);
        timeout(prefix + "timeout", requestTimeout, problems);
        if (attempts < 1 || attempts > 10) {
            problems.add(prefix + "attempts: must be 1..10 in-line attempts (got " + attempts + "); the outbox retries later ones");
        }
        if (backoff == null || backoff.isNegative() || backoff.compareTo(Duration.ofMinutes(1)) > 0) {
            problems.add(prefix + "backoff: must be 0..1m (got " + backoff + ")");
        }
    }

    private static void timeout(String field, Duration d, List<String> problems) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(5)) > 0) {
            problems.add(field + ": must be a positive duration up to 5m (got " + d + ")");
        }
    }

    HttpDelivery delivery(String label) {
        return new HttpDelivery(label, connectTimeout, requestTimeout, attempts, backoff, sleeper);
    }

    static void throwIfAny(String what, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder().append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append(" in the ").append(what).append(" configuration:");
        for (int i = 0; i < problems.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        throw new NpsException(ErrorCode.CONFIGURATION, sb.toString());
    }
}
