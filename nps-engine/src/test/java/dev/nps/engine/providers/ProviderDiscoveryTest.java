package dev.nps.engine.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ChannelName;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.providers.fixtures.ConfiguredStore;
import dev.nps.engine.providers.fixtures.ServiceClassPath;
import dev.nps.engine.providers.fixtures.TestProviders.AlphaStore;
import dev.nps.engine.providers.fixtures.TestProviders.BetaStore;
import dev.nps.engine.providers.fixtures.TestProviders.BrokenStore;
import dev.nps.engine.providers.fixtures.TestProviders.ChatSink;
import dev.nps.engine.providers.fixtures.TestProviders.EmailChannel;
import dev.nps.engine.providers.fixtures.TestProviders.FancyAnalyser;
import dev.nps.engine.providers.fixtures.TestProviders.GammaStore;
import dev.nps.engine.providers.fixtures.TestProviders.LeakyStore;
import dev.nps.engine.providers.fixtures.TestProviders.TrackedStore;
import dev.nps.engine.providers.fixtures.TestProviders.MisnamedChannel;
import dev.nps.engine.providers.fixtures.TestProviders.OtherAlphaStore;
import dev.nps.engine.providers.fixtures.TestProviders.PigeonChannel;
import dev.nps.engine.providers.fixtures.TestProviders.PlainAnalyser;
import dev.nps.spi.AlertSinkProvider;
import dev.nps.spi.ChannelProvider;
import dev.nps.spi.StoreProvider;
import dev.nps.spi.TextAnalyserProvider;
import dev.nps.testkit.RecordingChannel;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provider resolution on a real class path: service files in directories and jars, listed out of order. */
class ProviderDiscoveryTest {

    @TempDir
    Path tmp;

    private ServiceClassPath classPath() {
        return new ServiceClassPath(tmp);
    }

    private static NpsEngine build(ServiceClassPath cp, Map<String, String> config) {
        return NpsEngine.builder().classLoader(cp.loader()).config(config).build();
    }

    private static String storeOf(NpsEngine engine) {
        return ((ConfiguredStore) engine.store()).provider;
    }

    private static NpsException failure(ServiceClassPath cp, Map<String, String> config) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> build(cp, config).close());
        assertThat(t).isInstanceOf(NpsException.class);
        return (NpsException) t;
    }

    @Test
    void withNoStoreProviderBuildFailsNamingTheArtifactAndTheInMemoryOption() {
        NpsException e = failure(classPath(), Map.of());
        assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_MISSING);
        assertThat(e.getMessage()).contains("dev.nps:nps-store-jdbc").contains(".inMemoryStore()");
    }

    @Test
    void withDiscoveryOffAProviderOnTheClassPathIsNotUsed() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, AlphaStore.class);
        assertThatThrownBy(() -> NpsEngine.builder().classLoader(cp.loader()).discoverProviders(false).build())
                .isInstanceOfSatisfying(NpsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_MISSING);
                    assertThat(e.getMessage()).contains("discovery is off");
                });
    }

    @Test
    void theOnlyStoreProviderIsUsed() {
        try (NpsEngine engine = build(classPath().jar(StoreProvider.class, AlphaStore.class), Map.of())) {
            assertThat(storeOf(engine)).isEqualTo("alpha");
        }
    }

    @Test
    void theHighestPriorityWinsWhateverTheOrderOfTheServiceFiles() {
        ServiceClassPath betaFirst = classPath().directory(StoreProvider.class, BetaStore.class, AlphaStore.class);
        try (NpsEngine engine = build(betaFirst, Map.of())) {
            assertThat(storeOf(engine)).isEqualTo("beta");
        }
        ServiceClassPath alphaFirst = classPath().jar(StoreProvider.class, AlphaStore.class)
                .directory(StoreProvider.class, BetaStore.class);
        try (NpsEngine engine = build(alphaFirst, Map.of())) {
            assertThat(storeOf(engine)).isEqualTo("beta");
        }
    }

    @Test
    void aTieAtTheHighestPriorityListsEveryCandidateWithClassAndPriority() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, GammaStore.class, AlphaStore.class)
                .jar(StoreProvider.class, BetaStore.class);
        NpsException e = failure(cp, Map.of());
        assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_AMBIGUOUS);
        assertThat(e.getMessage())
                .contains("'alpha' (" + AlphaStore.class.getName() + ", priority 0)")
                .contains("'beta' (" + BetaStore.class.getName() + ", priority 10)")
                .contains("'gamma' (" + GammaStore.class.getName() + ", priority 10)")
                .contains("nps.store.name=<name>");
    }

    @Test
    void aDuplicateNameIsAmbiguousEvenWhenThatNameIsConfigured() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, OtherAlphaStore.class)
                .jar(StoreProvider.class, AlphaStore.class);
        NpsException e = failure(cp, Map.of(NpsEngine.STORE_NAME_KEY, "alpha"));
        assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_AMBIGUOUS);
        assertThat(e.getMessage()).contains(AlphaStore.class.getName()).contains(OtherAlphaStore.class.getName())
                .contains("priority 0").contains("priority 5");
    }

    @Test
    void aConfiguredNameWinsOverPriority() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, BetaStore.class, AlphaStore.class);
        try (NpsEngine engine = build(cp, Map.of(NpsEngine.STORE_NAME_KEY, "alpha"))) {
            assertThat(storeOf(engine)).isEqualTo("alpha");
        }
        try (NpsEngine engine = NpsEngine.builder().classLoader(cp.loader()).storeName("alpha").build()) {
            assertThat(storeOf(engine)).isEqualTo("alpha");
        }
    }

    @Test
    void aConfiguredNameNobodyProvidesNamesTheArtifactToAdd() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, AlphaStore.class);
        NpsException e = failure(cp, Map.of(NpsEngine.STORE_NAME_KEY, "jdbc"));
        assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_MISSING);
        assertThat(e.getMessage()).startsWith(
                "store 'jdbc' is configured but no provider named 'jdbc' is on the class path; add dev.nps:nps-store-jdbc");
    }

    @Test
    void anExplicitStoreBeatsDiscoveryEvenWhenDiscoveryWouldBeAmbiguous() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, BetaStore.class, GammaStore.class);
        ConfiguredStore mine = new ConfiguredStore("mine", dev.nps.spi.PluginConfig.empty());
        try (NpsEngine engine = NpsEngine.builder().classLoader(cp.loader()).store(mine).build()) {
            assertThat(engine.store()).isSameAs(mine);
        }
        assertThat(mine.closed()).isTrue();
    }

    @Test
    void eachProviderGetsItsOwnSliceOfTheConfiguration() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, AlphaStore.class);
        try (NpsEngine engine = build(cp, Map.of("nps.store.url", "jdbc:h2:mem:x", "nps.channel.pigeon.url", "other"))) {
            ConfiguredStore store = (ConfiguredStore) engine.store();
            assertThat(store.config.prefix()).isEqualTo("nps.store");
            assertThat(store.config.string("url")).contains("jdbc:h2:mem:x");
        }
    }

    @Test
    void discoveryBelongsToEachEngineNotToAStaticRegistry() {
        try (NpsEngine a = build(classPath().directory(StoreProvider.class, AlphaStore.class), Map.of());
             NpsEngine b = build(classPath().directory(StoreProvider.class, BetaStore.class), Map.of())) {
            assertThat(storeOf(a)).isEqualTo("alpha");
            assertThat(storeOf(b)).isEqualTo("beta");
        }
    }

    @Test
    void aServiceFileNamingAMissingClassIsReportedWithTheFile() throws Exception {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, AlphaStore.class);
        Path bogus = tmp.resolve("dir1/META-INF/services/" + StoreProvider.class.getName());
        java.nio.file.Files.writeString(bogus, "com.example.NoSuchStoreProvider\n", java.nio.file.StandardOpenOption.APPEND);
        NpsException e = failure(cp, Map.of());
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
        assertThat(e.getMessage()).contains("META-INF/services/" + StoreProvider.class.getName()).contains("NoSuchStoreProvider");
    }

    @Test
    void everyConfigurationProblemIsReportedAtOnce() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, BrokenStore.class);
        NpsException e = failure(cp, Map.of(NpsEngine.MAX_COMMENT_LENGTH_KEY, "lots", NpsEngine.CHANNELS_KEY, "sms",
                NpsEngine.TEXT_ANALYSER_NAME_KEY, "vader"));
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
        assertThat(e.getMessage()).startsWith("4 problems in the NPS engine configuration")
                .contains("nps.comment.max-length: not an integer")
                .contains("store 'broken' (" + BrokenStore.class.getName() + "): nps.store.url: missing")
                .contains("channel 'sms' is configured but no provider named 'sms' is on the class path; add dev.nps:nps-channels-sms")
                .contains("text analyser 'vader' is configured but no provider named 'vader'");
        assertThat(e.getSuppressed()).hasSize(4);
    }

    @Test
    void everyDiscoveredChannelIsCreatedAndAnExplicitOneOfTheSameNameWins() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, AlphaStore.class)
                .jar(ChannelProvider.class, PigeonChannel.class, EmailChannel.class);
        RecordingChannel myEmail = RecordingChannel.email();
        try (NpsEngine engine = NpsEngine.builder().classLoader(cp.loader()).channel(myEmail).build()) {
            assertThat(engine.channels()).containsOnlyKeys(ChannelName.EMAIL, ChannelName.of("pigeon"));
            assertThat(engine.channel(ChannelName.EMAIL)).containsSame(myEmail);
        }
        assertThat(myEmail.isClosed()).isTrue();
    }

    @Test
    void onlyTheListedChannelsAreCreatedWhenTheListIsConfigured() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, AlphaStore.class)
                .jar(ChannelProvider.class, PigeonChannel.class, EmailChannel.class);
        try (NpsEngine engine = build(cp, Map.of(NpsEngine.CHANNELS_KEY, "pigeon"))) {
            assertThat(engine.channels()).containsOnlyKeys(ChannelName.of("pigeon"));
        }
    }

    @Test
    void aChannelWhoseNameDiffersFromItsProviderIsRejected() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, AlphaStore.class)
                .directory(ChannelProvider.class, MisnamedChannel.class);
        NpsException e = failure(cp, Map.of());
        assertThat(e.getMessage()).contains("channel provider 'owl'").contains("named 'crow'");
    }

    @Test
    void theTextAnalyserFollowsTheSameTable() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, AlphaStore.class)
                .directory(TextAnalyserProvider.class, PlainAnalyser.class, FancyAnalyser.class);
        try (NpsEngine engine = build(cp, Map.of())) {
            assertThat(engine.textAnalyser()).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("fancy"));
        }
        try (NpsEngine engine = build(cp, Map.of(NpsEngine.TEXT_ANALYSER_NAME_KEY, "plain"))) {
            assertThat(engine.textAnalyser()).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("plain"));
        }
    }

    @Test
    void noTextAnalyserIsFineWhenNoneIsConfigured() {
        try (NpsEngine engine = build(classPath().directory(StoreProvider.class, AlphaStore.class), Map.of())) {
            assertThat(engine.textAnalyser()).isEmpty();
            assertThat(engine.channels()).isEmpty();
            assertThat(engine.alertSinks()).isEmpty();
        }
    }

    @Test
    void alertSinksAreDiscovered() {
        ServiceClassPath cp = classPath().directory(StoreProvider.class, AlphaStore.class)
                .jar(AlertSinkProvider.class, ChatSink.class);
        try (NpsEngine engine = build(cp, Map.of())) {
            assertThat(engine.alertSinks()).extracting(s -> s.name()).containsExactly("chat");
        }
    }

    @Test
    void aProviderFailureNamesTheProviderButNotTheExceptionMessage() {
        NpsException e = failure(classPath().directory(StoreProvider.class, LeakyStore.class), Map.of());
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
        assertThat(e.getMessage()).contains("store 'leaky'").contains("IllegalStateException").contains("nps.store.*")
                .doesNotContain("hunter2");
        assertThat(e.getCause()).hasMessageContaining("hunter2");
    }

    @Test
    void aFailedBuildClosesThePlugInsItAlreadyCreated() {
        TrackedStore.CREATED.clear();
        ServiceClassPath cp = classPath().directory(StoreProvider.class, TrackedStore.class)
                .directory(ChannelProvider.class, MisnamedChannel.class);
        failure(cp, Map.of());
        assertThat(TrackedStore.CREATED).hasSize(1).allSatisfy(s -> assertThat(s.closed()).isTrue());
    }
}
