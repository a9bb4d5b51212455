package dev.nps.engine.store;

import dev.nps.spi.NpsStore;
import dev.nps.testkit.StoreCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryStore passes the store compatibility kit")
class InMemoryStoreCompatibilityTest extends StoreCompatibilityKit {

    @Override
    protected NpsStore createStore() {
        return new InMemoryStore();
    }
}
