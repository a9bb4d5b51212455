package dev.nps.cli;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.RecordResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Records imported rows into an engine idempotently: a response's id is derived from the survey and the row's source
 * id (or its content), so importing the same file again stores nothing new. Counts what happened and why rows were
 * skipped (reasons never quote comments or emails).
 */
final class Importer {
    static final int EXAMPLES = 5;
    static final String DEFAULT_QUESTION = "How likely are you to recommend us to a friend or colleague?";

    private final NpsEngine engine;
    private final String survey;
    long read;
    long created;
    long unchanged;
    long updated;
    long skipped;
    long contacts;
    long undated;
    /** Reason to count, and the first few line numbers of each. */
    final Map<String, long[]> reasons = new TreeMap<>();
    final Map<String, List<Long>> examples = new LinkedHashMap<>();

    Importer(NpsEngine engine, String survey) {
        this.engine = engine;
        this.survey = survey;
        if (engine.surveys().find(survey).isEmpty()) {
            engine.surveys().define(survey).question(DEFAULT_QUESTION).save();
        }
    }

    /** When a row without a date is recorded: the start of the import, the same for every row of one run. */
    private Instant undatedTime;

    Instant undatedTime() {
        if (undatedTime == null) {
            undatedTime = engine.clock().instant();
        }
        return undatedTime;
    }

    /** The response id for a source key: stable across runs and machines. */
    String responseId(String sourceKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((survey + "\u0000" + sourceKey).getBytes(StandardCharsets.UTF_8));
            return "imp-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    void skip(long line, String reason) {
        skipped++;
        reasons.computeIfAbsent(reason, r -> new long[1])[0]++;
        List<Long> lines = examples.computeIfAbsent(reason, r -> new java.util.ArrayList<>());
        if (lines.size() < EXAMPLES) {
            lines.add(line);
        }
    }

    void contact(Contact contact) {
        engine.contacts().upsert(contact);
        contacts++;
    }

    void record(long line, String sourceKey, int score, Optional<String> comment, Instant answeredAt,
                Optional<String> contactId, Map<String, String> attributes) {
        Response.Builder b;
        try {
            b = Response.builder(survey, score).id(responseId(sourceKey)).channel(ChannelName.IMPORT).answeredAt(answeredAt);
            contactId.ifPresent(b::contact);
            comment.filter(c -> !c.isBlank()).ifPresent(b::comment);
            attributes.forEach(b::attribute);
            RecordResult r = engine.responses().record(b.build(engine.clock().instant()));
            switch (r.status()) {
                case CREATED -> created++;
                case DUPLICATE -> unchanged++;
                case EDITED -> updated++;
            }
        } catch (NpsException e) {
            skip(line, reasonOf(e));
        }
    }

    /** A reason from an engine error, without the value (which may be personal data). */
    private static String reasonOf(NpsException e) {
        return switch (e.code()) {
            case COMMENT_TOO_LONG -> "comment longer than the engine's limit";
            case INVALID_SCORE -> "score is not a whole number 0-10";
            case CONFLICT -> "id already used by another survey or contact";
            default -> {
                String m = e.getMessage();
                int colon = m.indexOf(':');
                yield "invalid " + (colon > 0 && colon < 60 ? m.substring(0, colon) : "value") + " (" + e.code() + ")";
            }
        };
    }

    /** An attribute key from a column or property name: letters, digits, dot, underscore, dash; starting with a letter. */
    static Optional<String> attributeKey(String name) {
        String k = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_").replaceAll("^[^a-z]+", "");
        if (k.length() > 64) {
            k = k.substring(0, 64);
        }
        return k.isEmpty() ? Optional.empty() : Optional.of(k);
    }

    void print(java.io.PrintWriter out, String source, String store) {
        out.printf(Locale.ROOT, "Imported %s into %s, survey '%s'%n", source, store, survey);
        out.printf(Locale.ROOT, "  %d rows read: %d new, %d already imported, %d updated, %d skipped%n", read, created,
                unchanged, updated, skipped);
        if (contacts > 0) {
            out.printf(Locale.ROOT, "  %d contacts created or updated%n", contacts);
        }
        if (undated > 0) {
            out.printf(Locale.ROOT, "  %d rows had no date column value; recorded at import time%n", undated);
        }
        reasons.forEach((reason, n) -> out.printf(Locale.ROOT, "  skipped %d: %s (rows %s%s)%n", n[0], reason,
                examples.get(reason).stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""),
                n[0] > EXAMPLES ? ", ..." : ""));
        out.flush();
    }
}
