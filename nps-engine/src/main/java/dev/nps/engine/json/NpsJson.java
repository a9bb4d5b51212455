package dev.nps.engine.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.nps.api.ChannelName;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Score;
import dev.nps.api.Trigger;
import dev.nps.spi.SendOutcome;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * The project's one JSON configuration, shared by the CLI, the HTTP endpoints and exports, so every JSON the
 * library writes looks the same.
 *
 * <ul>
 *   <li>Records are written by their components; {@code Optional} as its value or {@code null}.</li>
 *   <li>{@code java.time} values as ISO-8601 strings: {@code "2026-01-05T09:00:00Z"}, {@code "2026-01-05"},
 *       {@code "PT72H"}, {@code "21:00:00"}, {@code "Europe/Berlin"}.</li>
 *   <li>{@link Score} as its integer, {@link ChannelName} as its string, {@link Locale} as a BCP 47 tag
 *       ({@code "de-DE"}).</li>
 *   <li><b>NaN and infinities are written as {@code null}</b> (an NPS of no responses, a z of a zero standard
 *       error), because JSON has no NaN; {@code null} is read back into a {@code double} as NaN.</li>
 *   <li>{@link Trigger} and {@link SendOutcome} carry a {@code "type"} property naming the variant.</li>
 *   <li>Unknown properties are ignored on reading, so older readers accept newer documents.</li>
 * </ul>
 * Reading a value runs the record's validation: invalid JSON values fail with an {@link NpsException}.
 *
 * @since 0.1
 */
public final class NpsJson {

    private static final ObjectMapper SHARED = newMapper();

    private NpsJson() {}

    /**
     * The shared mapper. Thread-safe for reading and writing; do not reconfigure it (use {@link #newMapper()}
     * for a customised copy).
     *
     * @return the shared, configured mapper
     */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /** @return a new mapper with the project's configuration, free to customise */
    public static ObjectMapper newMapper() {
        SimpleModule nps = new SimpleModule("nps");
        nps.addSerializer(Double.class, new FiniteOrNullSerializer());
        nps.addSerializer(double.class, new FiniteOrNullSerializer());
        nps.addDeserializer(Double.class, new NullAsNanDeserializer());
        nps.addDeserializer(double.class, new NullAsNanDeserializer());
        nps.addSerializer(Score.class, new JsonSerializer<>() {
            @Override
            public void serialize(Score value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeNumber(value.value());
            }
        });
        nps.addDeserializer(Score.class, new JsonDeserializer<>() {
            @Override
            public Score deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    return Score.of(p.getIntValue());
                }
                return Score.parse(p.getValueAsString());
            }
        });
        nps.addSerializer(ChannelName.class, new JsonSerializer<>() {
            @Override
            public void serialize(ChannelName value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.value());
            }
        });
        nps.addDeserializer(ChannelName.class, new JsonDeserializer<>() {
            @Override
            public ChannelName deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return ChannelName.of(p.getValueAsString());
            }
        });
        nps.addKeyDeserializer(ChannelName.class, new com.fasterxml.jackson.databind.KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) {
                return ChannelName.of(key);
            }
        });
        nps.addSerializer(Locale.class, new JsonSerializer<>() {
            @Override
            public void serialize(Locale value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toLanguageTag());
            }
        });
        nps.addDeserializer(Locale.class, new JsonDeserializer<>() {
            @Override
            public Locale deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Locale.forLanguageTag(p.getValueAsString().replace('_', '-'));
            }
        });
        nps.setMixInAnnotation(Trigger.class, TriggerMixin.class);
        nps.setMixInAnnotation(SendOutcome.class, SendOutcomeMixin.class);

        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(nps)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /**
     * @param value any value, may be null
     * @return its JSON
     * @throws NpsException {@code INVALID_ARGUMENT} when it cannot be written
     */
    public static String write(Object value) {
        try {
            return SHARED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new NpsException(ErrorCode.INVALID_ARGUMENT, "cannot write " + (value == null ? "null" : value.getClass().getName())
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param json JSON text, never null
     * @param type the type to read
     * @param <T>  the type
     * @return the value, validated by its constructor
     * @throws NpsException the value's own validation error (e.g. {@code INVALID_SCORE}), or {@code INVALID_ARGUMENT}
     *                      for malformed JSON, naming the location
     */
    public static <T> T read(String json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(type, "type");
        try {
            return SHARED.readValue(json, type);
        } catch (JsonProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof NpsException npsException) {
                    throw npsException;
                }
            }
            // getOriginalMessage leaves out the source text, which may hold personal data.
            throw new NpsException(ErrorCode.INVALID_ARGUMENT, "not a valid " + type.getSimpleName() + " in JSON"
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : "")
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    private static final class FiniteOrNullSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    private static final class NullAsNanDeserializer extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String s = p.getText().strip();
                return s.equalsIgnoreCase("NaN") ? Double.NaN : Double.parseDouble(s);
            }
            return p.getDoubleValue();
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Trigger.OnEvent.class, name = "event"),
            @JsonSubTypes.Type(value = Trigger.OnSchedule.class, name = "schedule")})
    private interface TriggerMixin {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = SendOutcome.Accepted.class, name = "accepted"),
            @JsonSubTypes.Type(value = SendOutcome.Retryable.class, name = "retryable"),
            @JsonSubTypes.Type(value = SendOutcome.Permanent.class, name = "permanent"),
            @JsonSubTypes.Type(value = SendOutcome.Ambiguous.class, name = "ambiguous")})
    private interface SendOutcomeMixin {}
}
