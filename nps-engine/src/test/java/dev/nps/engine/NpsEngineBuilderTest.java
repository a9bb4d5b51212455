package dev.nps.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.testkit.RecordingAlertSink;
import dev.nps.testkit.RecordingChannel;
import dev.nps.testkit.SettableClock;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class NpsEngineBuilderTest {

    private static NpsEngine.Builder hermetic() {
        return NpsEngine.builder().discoverProviders(false);
    }

    @Test
    void aStoreCanBeChosenOnlyOnceAndTheMessageNamesTheCurrentOne() {
        NpsEngine.Builder b = hermetic().inMemoryStore();
        assertThatThrownBy(() -> b.store(new InMemoryStore())).isInstanceOf(NpsException.class)
                .hasMessageContaining("already set by inMemoryStore()");
    }

    @Test
    void twoChannelsWithOneNameAreRejectedAtOnce() {
        NpsEngine.Builder b = hermetic().channel(RecordingChannel.email());
        assertThatThrownBy(() -> b.channel(RecordingChannel.email())).isInstanceOf(NpsException.class)
                .hasMessageContaining("'email' is already registered");
    }

    @Test
    void aBuilderBuildsOneEngine() {
        NpsEngine.Builder b = hermetic().inMemoryStore();
        b.build().close();
        assertThatThrownBy(b::build).isInstanceOf(NpsException.class).hasMessageContaining("create a new builder");
    }

    @Test
    void withoutAStoreBuildFailsAndSaysWhatToAdd() {
        assertThatThrownBy(() -> hermetic().build()).isInstanceOfSatisfying(NpsException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_MISSING);
            assertThat(e.getMessage()).contains("dev.nps:nps-store-jdbc").contains(".inMemoryStore()");
        });
    }

    @Test
    void aStoreNameThatDisagreesWithTheConfigurationIsAProblem() {
        Properties p = new Properties();
        p.setProperty("nps.store.name", "jdbc");
        assertThatThrownBy(() -> hermetic().storeName("other").config(p).build())
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).contains("disagree"));
    }

    @Test
    void closingTheEngineClosesEveryRegisteredPlugInOnce() {
        RecordingChannel email = RecordingChannel.email();
        RecordingAlertSink sink = new RecordingAlertSink();
        NpsEngine engine = hermetic().inMemoryStore().channel(email).alertSink(sink).build();
        engine.close();
        engine.close();
        assertThat(email.isClosed()).isTrue();
        assertThat(sink.isClosed()).isTrue();
        assertThat(engine.isClosed()).isTrue();
    }

    @Test
    void theEngineStopsItsOwnExecutorButNeverAGivenOne() {
        NpsEngine own = hermetic().inMemoryStore().build();
        ScheduledExecutorService ownExecutor = own.executor();
        assertThat(own.executor()).isSameAs(ownExecutor);
        own.close();
        assertThat(ownExecutor.isShutdown()).isTrue();

        ScheduledExecutorService given = Executors.newSingleThreadScheduledExecutor();
        try {
            NpsEngine engine = hermetic().inMemoryStore().executor(given).build();
            assertThat(engine.executor()).isSameAs(given);
            engine.close();
            assertThat(given.isShutdown()).isFalse();
        } finally {
            given.shutdownNow();
        }
    }

    @Test
    void usesTheGivenClock() {
        SettableClock clock = SettableClock.startingMonday();
        try (NpsEngine engine = hermetic().inMemoryStore().clock(clock).build()) {
            assertThat(engine.clock()).isSameAs(clock);
        }
    }

    @Test
    void channelsListedInConfigurationMustExistWhenDiscoveryIsOff() {
        assertThatThrownBy(() -> hermetic().inMemoryStore().channel(RecordingChannel.email())
                .config(java.util.Map.of(NpsEngine.CHANNELS_KEY, "email, sms")).build())
                .isInstanceOfSatisfying(NpsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_MISSING);
                    assertThat(e.getMessage()).contains("[sms]");
                });
    }
}
