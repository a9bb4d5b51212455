package dev.nps.spi;

/**
 * Receives responses as compact columns during an analytics scan, so that a store never has to build a
 * {@link dev.nps.api.Response} object per row.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ScoreRowVisitor {
    /**
     * @param score              0..10
     * @param answeredAtEpochSecond answered-at, seconds since the epoch (UTC)
     * @param groupValues        values of the requested group keys in order; {@code ""} when missing.
     *                           The array may be reused by the caller after this method returns.
     */
    void accept(int score, long answeredAtEpochSecond, String[] groupValues);
}
