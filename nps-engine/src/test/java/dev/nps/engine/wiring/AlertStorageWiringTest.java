package dev.nps.engine.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.alerts.AlertMonitor;
import dev.nps.engine.alerts.AlertRelay;
import dev.nps.engine.alerts.DetractorRule;
import dev.nps.engine.alerts.InMemoryAlertOutbox;
import dev.nps.engine.alerts.InMemoryAlertState;
import dev.nps.engine.integrations.EventPublisher;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.engine.workflow.Cases;
import dev.nps.engine.workflow.InMemoryCaseStore;
import dev.nps.spi.NpsStore;
import dev.nps.testkit.RecordingAlertSink;
import dev.nps.testkit.SettableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Where the engine takes its alert outbox, case store and alert state from. */
class AlertStorageWiringTest {
    private final SettableClock clock = SettableClock.startingMonday();

    @Test
    void theInMemoryStoreGetsOneInMemorySetPerEngineThatEveryPartShares() {
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().clock(clock).discoverProviders(false).build()) {
            assertThat(nps.alertOutbox()).isInstanceOf(InMemoryAlertOutbox.class).isSameAs(nps.alertOutbox());
            assertThat(nps.caseStore()).isInstanceOf(InMemoryCaseStore.class).isSameAs(nps.caseStore());
            assertThat(nps.alertState()).isInstanceOf(InMemoryAlertState.class).isSameAs(nps.alertState());

            AlertRelay relay = AlertRelay.builder().engine(nps).alertSink(new RecordingAlertSink("chat")).build();
            assertThat(relay.outbox()).isSameAs(nps.alertOutbox());
            AlertMonitor monitor = AlertMonitor.builder().engine(nps).publisher(relay).rule(DetractorRule.named("d").build()).build();
            assertThat(monitor.state()).isSameAs(nps.alertState());

            nps.surveys().define("s").save();
            Cases cases = Cases.of(nps, EventPublisher.NONE);
            Response r = nps.responses().record(Response.builder("s", 2).id("r-1").contact("c-1").build(clock.instant())).response();
            cases.open(r, "ann", Duration.ofDays(1));
            assertThat(nps.caseStore().findByResponse("r-1")).isPresent();
        }
    }

    @Test
    void aStoreThatKeepsNoAlertStateIsAConfigurationErrorNotASilentInMemoryFallback() {
        InMemoryStore inner = new InMemoryStore();
        // Any store that is neither the in-memory store nor an AlertStorage, e.g. a third-party durable one.
        NpsStore foreign = (NpsStore) Proxy.newProxyInstance(NpsStore.class.getClassLoader(), new Class<?>[] {NpsStore.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (NpsEngine nps = NpsEngine.builder().store(foreign).clock(clock).discoverProviders(false).build()) {
            assertThatThrownBy(nps::alertOutbox).isInstanceOfSatisfying(NpsException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                assertThat(e.getMessage()).contains("AlertStorage").contains("AlertRelay.builder().outbox");
            });
            assertThatThrownBy(() -> AlertRelay.builder().engine(nps).alertSink(new RecordingAlertSink("chat")).build())
                    .isInstanceOf(NpsException.class);
            assertThatThrownBy(() -> AlertMonitor.builder().engine(nps).publisher(a -> { }).rule(DetractorRule.named("d").build()).build())
                    .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).contains("state:"));
            assertThat(AlertRelay.builder().engine(nps).outbox(new InMemoryAlertOutbox()).alertSink(new RecordingAlertSink("chat")).build()
                    .outbox()).as("an explicit outbox still works").isInstanceOf(InMemoryAlertOutbox.class);
        }
    }
}
