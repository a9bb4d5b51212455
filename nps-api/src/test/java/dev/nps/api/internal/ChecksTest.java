package dev.nps.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.NpsException;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written identifier and attribute-key checks accept exactly what their documented patterns accept. */
class ChecksTest {
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._:@/\\-]{1,200}");
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9._\\-]{0,63}");

    @Property(tries = 3000)
    void anIdIsAcceptedExactlyWhenThePatternMatches(@ForAll("candidates") String value) {
        assertThat(accepts(() -> Checks.id(value, "id"))).as(value).isEqualTo(ID.matcher(value).matches());
    }

    @Property(tries = 3000)
    void anAttributeKeyIsAcceptedExactlyWhenThePatternMatches(@ForAll("candidates") String value) {
        assertThat(accepts(() -> Checks.attributeKey(value, "key"))).as(value)
                .isEqualTo(ATTRIBUTE_KEY.matcher(value).matches());
    }

    @Test
    void idsInAnyScriptAndLengthLimitsInCodePoints() {
        assertThat(Checks.id("Kunde-Ä/42", "id")).isEqualTo("Kunde-Ä/42");
        assertThat(Checks.id("عميل_٧", "id")).isEqualTo("عميل_٧");
        assertThat(Checks.id("𝒜".repeat(200), "id")).hasSize(400); // 200 code points, 400 chars
        assertThatThrownBy(() -> Checks.id("a".repeat(201), "contactId")).isInstanceOf(NpsException.class)
                .hasMessageContaining("contactId").hasMessageContaining("1-200");
        assertThatThrownBy(() -> Checks.id("", "id")).isInstanceOf(NpsException.class);
        assertThatThrownBy(() -> Checks.id("a b", "id")).isInstanceOf(NpsException.class);
        assertThatThrownBy(() -> Checks.id("👍", "id")).isInstanceOf(NpsException.class);
        assertThat(Checks.attributeKey("a".repeat(64), "k")).hasSize(64);
        assertThatThrownBy(() -> Checks.attributeKey("a".repeat(65), "k")).isInstanceOf(NpsException.class);
        assertThatThrownBy(() -> Checks.attributeKey("1plan", "k")).isInstanceOf(NpsException.class);
    }

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<Character> alphabet = Arbitraries.oneOf(
                Arbitraries.chars().ascii(),
                Arbitraries.of('Ä', 'ß', 'é', 'ع', '٧', 'Ⅻ', '½', '中', ' ', '\t', '\u200f', '\uD83D', '\uDC4D'),
                Arbitraries.of('.', '_', '-', ':', '@', '/', 'a', 'Z', '0'));
        return Arbitraries.oneOf(
                alphabet.list().ofMaxSize(12).map(ChecksTest::join),
                alphabet.list().ofMinSize(60).ofMaxSize(210).map(ChecksTest::join),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(195).ofMaxLength(205),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(62).ofMaxLength(66));
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder b = new StringBuilder();
        chars.forEach(b::append);
        return b.toString();
    }

    private static boolean accepts(Runnable check) {
        try {
            check.run();
            return true;
        } catch (NpsException e) {
            return false;
        }
    }
}
