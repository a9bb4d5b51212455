package dev.nps.engine.integrations;

import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.engine.ResponseListener;
import dev.nps.engine.alerts.AlertRelay;
import dev.nps.spi.CrmUpdate;
import dev.nps.spi.NpsStore;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores each contact's latest score, category and comment on their CRM record: on every recorded or edited
 * response with a contact, queues a {@link CrmUpdate} for the relay's CRM writers (retried durably). A response
 * older than the contact's newest one (an import, a late edit) is not written, so the CRM keeps the latest.
 *
 * @since 0.1
 */
public final class CrmWriteBack implements ResponseListener {
    private static final Logger LOG = LoggerFactory.getLogger(CrmWriteBack.class);

    private final NpsStore store;
    private final AlertRelay relay;

    /**
     * @param store the response store
     * @param relay the relay holding the CRM writers
     */
    public CrmWriteBack(NpsStore store, AlertRelay relay) {
        this.store = Objects.requireNonNull(store, "store");
        this.relay = Objects.requireNonNull(relay, "relay");
    }

    @Override
    public void recorded(Response response) {
        write(response);
    }

    @Override
    public void edited(Response before, Response after) {
        write(after);
    }

    private void write(Response r) {
        if (r.contactId().isEmpty()) {
            return;
        }
        try {
            List<Response> newer = store.findResponses(ResponseFilter.builder().contact(r.contactId().get()).from(r.answeredAt()).build(),
                    PageRequest.first(2)).items();
            if (newer.stream().anyMatch(n -> !n.id().equals(r.id()) && n.answeredAt().isAfter(r.answeredAt()))) {
                return;
            }
            relay.write(new CrmUpdate(r.contactId().get(), r.surveyId(), r.id(), r.score().value(), r.category(), r.comment(), r.answeredAt()));
        } catch (RuntimeException e) {
            LOG.warn("queueing the CRM write-back of response {} failed", r.id(), e);
        }
    }
}
