package dev.nps.channels.sms;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.Delivery;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the text of an SMS invitation: the survey question followed either by a request to reply with a
 * score 0-10, or by one short response link. When the text exceeds the configured number of segments it tries
 * the shortened templates and then a short question, or (with {@link Overflow#WARN}) sends it anyway and logs
 * a warning. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SmsComposer {
    private static final Logger LOG = LoggerFactory.getLogger(SmsComposer.class);

    /** Default maximum number of segments of an invitation. {@value} */
    public static final int DEFAULT_MAX_SEGMENTS = 3;

    /** How the respondent answers. */
    public enum Mode {
        /** A link when the delivery carries score links from which one landing link can be derived, else a reply. */
        AUTO,
        /** Always ask for a reply "0-10" (the channel collects the answer itself). */
        REPLY,
        /** Always send a link; a delivery without score links fails as a configuration error. */
        LINK,
        /**
         * List all eleven score links, one per line (one tap records the score). About four segments: for
         * long-message channels or when a landing page is not available; a delivery without links fails.
         */
        SCORE_LINKS
    }

    /** What to do with an invitation longer than the maximum number of segments. */
    public enum Overflow {
        /** Use the shortened templates, then the short question; fail only if even that does not fit. */
        SHORTEN,
        /** Send the full text and log a warning. */
        WARN
    }

    /**
     * A composed message.
     *
     * @param text      the text to send
     * @param segments  its encoding and segment count
     * @param shortened whether a shortened template was used to stay within the maximum
     * @param link      the response link in the text, if any
     */
    public record Composed(String text, SmsSegments segments, boolean shortened, Optional<URI> link) {
        public Composed {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(segments, "segments");
            Objects.requireNonNull(link, "link");
        }
    }

    private final SmsTexts texts;
    private final Mode mode;
    private final int maxSegments;
    private final Overflow overflow;

    /**
     * @param texts       the texts to use
     * @param mode        how the respondent answers
     * @param maxSegments at least 1
     * @param overflow    what to do when the text is longer
     * @throws NpsException {@code INVALID_ARGUMENT} when maxSegments is below 1
     */
    public SmsComposer(SmsTexts texts, Mode mode, int maxSegments, Overflow overflow) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.overflow = Objects.requireNonNull(overflow, "overflow");
        if (maxSegments < 1 || maxSegments > 10) {
            throw NpsException.invalid("sms.max-segments", "must be 1..10 (got " + maxSegments + ")");
        }
        this.maxSegments = maxSegments;
    }

    /** @return a composer with the shipped texts, {@link Mode#AUTO}, 3 segments, {@link Overflow#SHORTEN} */
    public static SmsComposer defaults() {
        return new SmsComposer(SmsTexts.defaults(), Mode.AUTO, DEFAULT_MAX_SEGMENTS, Overflow.SHORTEN);
    }

    /** @return the texts this composer uses */
    public SmsTexts texts() {
        return texts;
    }

    /**
     * Writes the invitation for a delivery.
     *
     * @param delivery the delivery
     * @return the text and its segments
     * @throws NpsException {@code CONFIGURATION} when even the shortest template exceeds the maximum, or
     *                      {@link Mode#LINK} is set and the delivery has no score links
     */
    public Composed compose(Delivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        Locale locale = delivery.locale();
        if (mode == Mode.SCORE_LINKS) {
            return composeScoreLinks(delivery);
        }
        Optional<URI> link = mode == Mode.REPLY ? Optional.empty() : landingLink(delivery.scoreLinks());
        if (mode == Mode.LINK && link.isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, "sms.mode: LINK needs score links on the delivery; configure response links "
                    + "on the engine or set sms.mode=reply");
        }
        String question = delivery.survey().question().strip();
        String full = link.isPresent() ? SmsTexts.INVITATION_LINK : SmsTexts.INVITATION_REPLY;
        String shortKey = link.isPresent() ? SmsTexts.INVITATION_LINK_SHORT : SmsTexts.INVITATION_REPLY_SHORT;
        List<String> candidates = new ArrayList<>();
        candidates.add(fill(texts.get(full, locale), question, link));
        if (overflow == Overflow.SHORTEN) {
            candidates.add(fill(texts.get(shortKey, locale), question, link));
            candidates.add(fill(texts.get(shortKey, locale), texts.get(SmsTexts.QUESTION_SHORT, locale), link));
        }
        return pick(delivery, candidates, link);
    }

    private Composed composeScoreLinks(Delivery delivery) {
        if (delivery.scoreLinks().isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, "sms.mode: SCORE_LINKS needs score links on the delivery; configure response "
                    + "links on the engine or set sms.mode=reply");
        }
        StringBuilder lines = new StringBuilder();
        for (int score = 0; score < delivery.scoreLinks().size(); score++) {
            lines.append('\n').append(score).append(": ").append(delivery.scoreLinks().get(score));
        }
        Locale locale = delivery.locale();
        String question = delivery.survey().question().strip();
        List<String> candidates = new ArrayList<>();
        candidates.add(texts.get(SmsTexts.INVITATION_LINKS, locale).replace("{question}", question).replace("{links}", lines + "\n").strip());
        if (overflow == Overflow.SHORTEN) {
            candidates.add(texts.get(SmsTexts.INVITATION_LINKS_SHORT, locale).replace("{question}", question).replace("{links}", lines + "\n").strip());
            candidates.add(texts.get(SmsTexts.INVITATION_LINKS_SHORT, locale).replace("{question}", texts.get(SmsTexts.QUESTION_SHORT, locale))
                    .replace("{links}", lines + "\n").strip());
        }
        return pick(delivery, candidates, Optional.empty());
    }

    private Composed pick(Delivery delivery, List<String> candidates, Optional<URI> link) {
        for (int i = 0; i < candidates.size(); i++) {
            SmsSegments segments = SmsSegments.of(candidates.get(i));
            if (segments.segments() <= maxSegments) {
                return new Composed(candidates.get(i), segments, i > 0, link);
            }
        }
        if (overflow == Overflow.WARN) {
            SmsSegments segments = SmsSegments.of(candidates.get(0));
            LOG.warn("SMS invitation for survey {} takes {} segments, more than the configured maximum of {}",
                    delivery.survey().id(), segments.segments(), maxSegments);
            return new Composed(candidates.get(0), segments, false, link);
        }
        throw new NpsException(ErrorCode.CONFIGURATION, "sms.max-segments: the shortest invitation of survey '" + delivery.survey().id()
                + "' still takes " + SmsSegments.of(candidates.get(candidates.size() - 1)).segments() + " segments, more than "
                + maxSegments + "; shorten the texts or raise sms.max-segments");
    }

    /**
     * Derives one landing link from the eleven score links: when they differ only in a query parameter or a last
     * path segment equal to the score, that part is removed (the landing page then asks for the score).
     *
     * @param scoreLinks eleven links (index = score) or none
     * @return the landing link, or empty when there are no links or they do not follow such a pattern
     */
    public static Optional<URI> landingLink(List<URI> scoreLinks) {
        if (scoreLinks.size() != 11) {
            return Optional.empty();
        }
        String s0 = scoreLinks.get(0).toString();
        String s10 = scoreLinks.get(10).toString();
        int prefix = 0;
        while (prefix < s0.length() && prefix < s10.length() && s0.charAt(prefix) == s10.charAt(prefix)) {
            prefix++;
        }
        // The score sits where the 0 and the 10 first differ.
        String head = s0.substring(0, prefix);
        String tail = s0.substring(prefix + 1);
        for (int i = 0; i <= 10; i++) {
            if (!scoreLinks.get(i).toString().equals(head + i + tail)) {
                return Optional.empty();
            }
        }
        String landing;
        java.util.regex.Matcher param = java.util.regex.Pattern.compile("([?&])[A-Za-z0-9_.\\-]+=$").matcher(head);
        if (param.find()) {
            String before = head.substring(0, param.start());
            String rest = tail.startsWith("&") ? tail.substring(1) : tail;
            landing = rest.isEmpty() || rest.startsWith("#") ? before + rest : before + param.group(1) + rest;
        } else if (head.endsWith("/") && (tail.isEmpty() || tail.startsWith("?") || tail.startsWith("#"))) {
            landing = head.substring(0, head.length() - 1) + tail;
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(landing));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String fill(String template, String question, Optional<URI> link) {
        return template.replace("{question}", question).replace("{link}", link.map(URI::toString).orElse("")).strip();
    }
}
