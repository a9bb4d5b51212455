package dev.nps.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The outbox's JSON gives back what it was given: any text, the numbers the engine puts in event data, nesting. */
class JsonProperties {

    @Property(tries = 500)
    void anyTextRoundTripsExactly(@ForAll @Size(max = 200) String text) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put(text, text);
        assertThat(Json.read(Json.write(in))).isEqualTo(in);
    }

    @Property(tries = 300)
    void nestedValuesRoundTrip(@ForAll("values") Object value) {
        assertThat(Json.read(Json.write(value))).isEqualTo(value);
    }

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().filter(l -> l < Integer.MIN_VALUE || l > Integer.MAX_VALUE).map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        Arbitrary<Object> list = leaf.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
        Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().ofMaxLength(10), Arbitraries.oneOf(leaf, list)).ofMaxSize(4)
                .map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.oneOf(leaf, list, map);
    }

    @Test
    void loneSurrogatesAndControlCharactersAreEscapedSoTheStoredTextIsPlainUnicode() {
        String text = "a\ud800b\udc00\u0000\u001f😀";
        String json = Json.write(text);
        assertThat(json).isEqualTo("\"a\\ud800b\\udc00\\u0000\\u001f😀\"");
        assertThat(Json.read(json)).isEqualTo(text);
    }

    @Test
    void malformedTextIsRejectedWithoutQuotingIt() {
        assertThatThrownBy(() -> Json.read("{\"comment\": \"secret")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Json.read("[1, 2] trailing")).hasMessageContaining("trailing");
        assertThat(Json.read(" [ ] ")).isEqualTo(List.of());
    }
}
