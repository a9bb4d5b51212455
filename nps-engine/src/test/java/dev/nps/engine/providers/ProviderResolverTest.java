package dev.nps.engine.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.engine.providers.fixtures.TestProviders.AlphaStore;
import dev.nps.engine.providers.fixtures.TestProviders.BetaStore;
import dev.nps.engine.providers.fixtures.TestProviders.BrokenStore;
import dev.nps.engine.providers.fixtures.TestProviders.GammaStore;
import dev.nps.spi.StoreProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProviderResolverTest {

    @Test
    void noCandidateAndNoNameChoosesNothing() {
        assertThat(ProviderResolver.choose(ProviderKind.STORE, Optional.empty(), List.<StoreProvider>of())).isEmpty();
    }

    @Test
    void theChoiceDoesNotDependOnTheOrderOfTheCandidates() {
        List<StoreProvider> candidates = new ArrayList<>(List.of(new AlphaStore(), new BetaStore(), new BrokenStore()));
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(candidates, random);
            assertThat(ProviderResolver.choose(ProviderKind.STORE, Optional.empty(), candidates))
                    .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("beta"));
            assertThat(ProviderResolver.describe(candidates)).startsWith("'alpha'");
        }
    }

    @Test
    void chooseEachReportsEveryMissingNameWithItsArtifact() {
        assertThatThrownBy(() -> ProviderResolver.chooseEach(ProviderKind.CHANNEL, Optional.of(List.of("sms", "pigeon")), List.of()))
                .isInstanceOfSatisfying(NpsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_MISSING);
                    assertThat(e.getMessage()).contains("dev.nps:nps-channels-sms").contains("dev.nps:nps-channels-pigeon")
                            .contains("no channel provider was found at all");
                });
    }

    @Test
    void aTieIsAmbiguousButAConfiguredNameSettlesIt() {
        List<StoreProvider> tie = List.of(new GammaStore(), new BetaStore());
        assertThatThrownBy(() -> ProviderResolver.choose(ProviderKind.STORE, Optional.empty(), tie))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_AMBIGUOUS));
        assertThat(ProviderResolver.choose(ProviderKind.STORE, Optional.of("gamma"), tie))
                .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("gamma"));
    }

    @Test
    void artifactsFollowTheModuleNaming() {
        assertThat(ProviderKind.STORE.artifact("jdbc")).isEqualTo("dev.nps:nps-store-jdbc");
        assertThat(ProviderKind.CHANNEL.artifact("email")).isEqualTo("dev.nps:nps-channels-email");
        assertThat(ProviderKind.CHANNEL.configPrefix("email")).isEqualTo("nps.channel.email");
        assertThat(ProviderKind.STORE.configPrefix("jdbc")).isEqualTo("nps.store");
    }
}
