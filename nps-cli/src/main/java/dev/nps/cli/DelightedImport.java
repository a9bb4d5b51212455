package dev.nps.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nps.api.Contact;
import dev.nps.api.NpsException;
import dev.nps.engine.json.NpsJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a Delighted JSON export: a {@code survey_responses} array (or a top-level array) of objects with {@code id},
 * {@code person} ({@code id}, {@code email}, {@code name}), {@code score}, {@code comment}, {@code created_at} (Unix
 * seconds) and {@code person_properties}. People become contacts {@code delighted-<person id>}; person properties
 * become response attributes (their value when the person answered).
 */
final class DelightedImport {

    void run(Importer importer, Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = NpsJson.mapper().readTree(in);
        } catch (JsonParseException e) {
            throw new NpsCommand.InputProblem(file + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + "); export it again from Delighted, or use a CSV export");
        }
        JsonNode responses = root != null && root.isArray() ? root : root == null ? null : root.get("survey_responses");
        if (responses == null || !responses.isArray()) {
            throw new NpsCommand.InputProblem(file + " has no survey_responses array; a Delighted export is "
                    + "{\"survey_responses\": [...]} or a top-level array of responses");
        }
        long index = 0;
        for (JsonNode r : responses) {
            index++;
            importer.read++;
            if (!r.isObject()) {
                importer.skip(index, "entry is not an object");
                continue;
            }
            JsonNode id = r.get("id");
            if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
                importer.skip(index, "id is missing");
                continue;
            }
            JsonNode score = r.get("score");
            if (score == null || !score.isIntegralNumber() || score.asInt() < 0 || score.asInt() > 10) {
                importer.skip(index, "score is missing or not a whole number 0-10");
                continue;
            }
            JsonNode created = r.get("created_at");
            if (created == null || !created.canConvertToLong() || !(created.isNumber() || created.asText().matches("\\d+"))) {
                importer.skip(index, "created_at is missing or not Unix seconds");
                continue;
            }
            Instant at = Instant.ofEpochSecond(created.asLong());
            Optional<String> contactId = Optional.empty();
            JsonNode person = r.get("person");
            if (person != null && person.isObject() && person.hasNonNull("id")) {
                String cid = "delighted-" + person.get("id").asText();
                try {
                    Contact.Builder c = Contact.of(cid);
                    if (person.hasNonNull("email") && !person.get("email").asText().isBlank()) {
                        c.email(person.get("email").asText().strip());
                    }
                    importer.contact(c.build());
                    contactId = Optional.of(cid);
                } catch (NpsException e) {
                    importer.skip(index, "person has an invalid id or email (response skipped; fix the person or remove it)");
                    continue;
                }
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            JsonNode props = r.get("person_properties");
            if (props != null && props.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isValueNode() && !e.getValue().isNull() && !e.getValue().asText().isBlank()) {
                        Importer.attributeKey(e.getKey()).ifPresent(k -> attributes.putIfAbsent(k, e.getValue().asText().strip()));
                    }
                }
            }
            JsonNode comment = r.get("comment");
            Optional<String> text = comment != null && comment.isTextual() ? Optional.of(comment.asText()) : Optional.empty();
            importer.record(index, "delighted:" + id.asText(), score.asInt(), text, at, contactId, attributes);
        }
    }
}
