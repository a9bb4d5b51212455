package dev.nps.engine.dispatch;

import dev.nps.spi.DispatchStore;
import dev.nps.testkit.DispatchStoreCompatibilityKit;

class InMemoryDispatchStoreCompatibilityTest extends DispatchStoreCompatibilityKit {
    @Override
    protected DispatchStore createStore() {
        return new InMemoryDispatchStore();
    }
}
