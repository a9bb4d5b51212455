package dev.nps.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.spi.TextAnalysis;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class BuiltinTextAnalyserProperties {
    private final BuiltinTextAnalyser analyser = BuiltinTextAnalyser.create();

    @Property(tries = 500)
    void anyTextGetsADefinedResult(@ForAll @StringLength(max = 400) String text) {
        TextAnalysis a = analyser.analyse(text, Locale.ROOT);
        assertThat(a.sentiment().compound()).isBetween(-1.0, 1.0);
        assertThat(a.themes()).doesNotContainNull();
    }

    @Property(tries = 200)
    void themeDiscoveryNeverFailsOnArbitraryBatches(@ForAll @StringLength(max = 80) String a,
                                                   @ForAll @StringLength(max = 80) String b) {
        ThemeModel m = ThemeModel.discover(java.util.List.of(a, b, a + " " + b, "late delivery " + a, "late delivery " + b));
        assertThat(m.themes()).allSatisfy(t -> assertThat(t.name()).isNotBlank());
    }
}
