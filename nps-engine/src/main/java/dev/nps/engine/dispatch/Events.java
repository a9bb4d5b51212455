package dev.nps.engine.dispatch;

import dev.nps.api.Event;
import java.util.List;

/**
 * Where the host publishes its events; each matching survey gets one invitation per event id.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Events {
    /**
     * @param event the host event, never null
     * @return one result per survey whose event trigger matched (empty when none did)
     */
    List<InvitationResult> publish(Event event);
}
