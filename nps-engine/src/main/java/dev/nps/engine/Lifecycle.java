package dev.nps.engine;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the engine is still open; every facade call checks it first. */
final class Lifecycle {
    private final AtomicBoolean closed = new AtomicBoolean();

    void requireOpen() {
        if (closed.get()) {
            throw new NpsException(ErrorCode.CLOSED, "the NPS engine is closed; build a new one with NpsEngine.builder()");
        }
    }

    /** @return true for the first caller only */
    boolean close() {
        return closed.compareAndSet(false, true);
    }

    boolean isClosed() {
        return closed.get();
    }
}
