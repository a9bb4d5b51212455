package dev.nps.engine.integrations;

import dev.nps.api.ChannelName;
import dev.nps.api.Response;
import dev.nps.api.internal.Checks;
import dev.nps.engine.ResponseListener;
import dev.nps.spi.OutgoingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits {@code response.created}, {@code response.updated} and {@code contact.unsubscribed} events for automation
 * tools. Register it as a {@link ResponseListener}; the dispatch pipeline calls {@link #contactUnsubscribed}.
 * Event ids are derived from what happened, so a repeated notification yields the same id.
 *
 * @since 0.1
 */
public final class ResponseEvents implements ResponseListener {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseEvents.class);

    private final EventPublisher publisher;
    private final Clock clock;
    private final boolean includeComment;

    /**
     * @param publisher      where events go (an {@link dev.nps.engine.alerts.AlertRelay})
     * @param clock          the clock
     * @param includeComment whether events carry the comment (personal data: only to endpoints you trust)
     */
    public ResponseEvents(EventPublisher publisher, Clock clock, boolean includeComment) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.includeComment = includeComment;
    }

    @Override
    public void recorded(Response response) {
        emit(OutgoingEvent.RESPONSE_CREATED, response, response.id());
    }

    @Override
    public void edited(Response before, Response after) {
        emit(OutgoingEvent.RESPONSE_UPDATED, after, after.id() + "|" + after.score().value() + "|" + after.comment().map(String::hashCode).orElse(0)
                + "|" + clock.millis());
    }

    private void emit(String type, Response r, String identity) {
        try {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("responseId", r.id());
            data.put("surveyId", r.surveyId());
            data.put("contactId", r.contactId().orElse(null));
            data.put("invitationId", r.invitationId().orElse(null));
            data.put("score", r.score().value());
            data.put("category", r.category().name().toLowerCase(java.util.Locale.ROOT));
            if (includeComment) {
                data.put("comment", r.comment().orElse(null));
            }
            data.put("channel", r.channel().value());
            data.put("answeredAt", r.answeredAt().toString());
            data.put("attributes", r.attributes());
            publisher.publish(new OutgoingEvent(id(type, identity), type, clock.instant(), data));
        } catch (RuntimeException e) {
            LOG.warn("publishing {} for response {} failed", type, r.id(), e);
        }
    }

    /**
     * Emits {@code contact.unsubscribed}.
     *
     * @param contactId the contact
     * @param channel   the channel unsubscribed from
     * @param at        when
     */
    public void contactUnsubscribed(String contactId, ChannelName channel, Instant at) {
        Checks.id(contactId, "contactId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contactId", contactId);
        data.put("channel", channel.value());
        data.put("unsubscribedAt", at.toString());
        publisher.publish(new OutgoingEvent(id(OutgoingEvent.CONTACT_UNSUBSCRIBED, contactId + "|" + channel.value() + "|" + at.toEpochMilli()),
                OutgoingEvent.CONTACT_UNSUBSCRIBED, at, data));
    }

    private static String id(String type, String identity) {
        return UUID.nameUUIDFromBytes((type + "|" + identity).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
