package dev.nps.spi;

/**
 * The sentiment of a text.
 *
 * @param compound normalised score -1 (most negative) .. +1 (most positive)
 * @param label    the label by the usual thresholds (&gt;= 0.05 positive, &lt;= -0.05 negative)
 * @since 0.1
 */
public record Sentiment(double compound, Label label) {
    public enum Label { NEGATIVE, NEUTRAL, POSITIVE }

    /** Threshold of the usual labelling. {@value} */
    public static final double THRESHOLD = 0.05;
    public static final Sentiment NEUTRAL = new Sentiment(0, Label.NEUTRAL);

    public Sentiment {
        if (!(compound >= -1 && compound <= 1)) {
            throw new IllegalArgumentException("compound: must be in -1..1 (got " + compound + ")");
        }
        java.util.Objects.requireNonNull(label, "label");
    }

    /** @return the sentiment with the label the usual thresholds give */
    public static Sentiment of(double compound) {
        return new Sentiment(compound, compound >= THRESHOLD ? Label.POSITIVE : compound <= -THRESHOLD ? Label.NEGATIVE : Label.NEUTRAL);
    }
}
