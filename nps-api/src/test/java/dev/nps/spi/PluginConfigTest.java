package dev.nps.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginConfigTest {
    private final PluginConfig config = PluginConfig.of("nps.text", Map.of(
            "nps.text.threshold", " 0.45 ",
            "nps.text.bad", "high",
            "nps.text.nan", "NaN",
            "nps.text.wait", "5m",
            "nps.text.themes", "Billing, ,Delivery",
            "nps.text.themes.Billing", "invoice, charged twice,, ",
            "nps.text.themes.Delivery", "late"));

    @Test
    void readsDecimalsAndRefusesWhatIsNotOne() {
        assertThat(config.decimal("threshold", 0.3)).isEqualTo(0.45);
        assertThat(config.decimal("unset", 0.3)).isEqualTo(0.3);
        assertThatThrownBy(() -> config.decimal("bad", 0.3)).isInstanceOfSatisfying(NpsException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
            assertThat(e.getMessage()).startsWith("nps.text.bad: not a number");
        });
        assertThatThrownBy(() -> config.decimal("nan", 0.3)).hasMessageStartingWith("nps.text.nan: not a number");
        assertThat(config.duration("wait", Duration.ZERO)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void readsNamedListsInOrderAndNamesEveryMissingOne() {
        assertThat(config.namedLists("themes")).containsExactly(
                Map.entry("Billing", List.of("invoice", "charged twice")), Map.entry("Delivery", List.of("late")));
        assertThat(config.namedLists("unset")).isEmpty();
        PluginConfig missing = PluginConfig.of("", Map.of("themes", "A,B,C", "themes.B", "x"));
        assertThatThrownBy(() -> missing.namedLists("themes")).isInstanceOfSatisfying(NpsException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
            assertThat(e.getMessage()).contains("themes.A", "themes.C").doesNotContain("themes.B,");
        });
    }
}
