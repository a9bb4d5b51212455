package dev.nps.engine.integrations;

import java.time.Duration;

/**
 * Waits between quick in-line retries of an HTTP call. Tests pass {@link #NONE} so that no test sleeps.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread. */
    Sleeper THREAD = d -> Thread.sleep(d.toMillis());
    /** Does not wait. */
    Sleeper NONE = d -> {};

    /**
     * @param duration how long
     * @throws InterruptedException when interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
