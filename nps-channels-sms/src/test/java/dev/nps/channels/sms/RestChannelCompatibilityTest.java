package dev.nps.channels.sms;

import dev.nps.spi.Channel;
import dev.nps.testkit.ChannelCompatibilityKit;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The SMS channel over the Twilio-compatible REST transport passes the channel contract. */
class RestChannelCompatibilityTest extends ChannelCompatibilityKit {
    private FakeTwilio twilio;
    private StalledServer stalled;
    private final KitNumbers numbers = new KitNumbers();

    @BeforeEach
    void start() throws IOException {
        twilio = new FakeTwilio();
        stalled = new StalledServer();
        twilio.script = p -> p.get("To").equals(KitNumbers.refused().phone().orElseThrow())
                ? FakeTwilio.Answer.error(400, 21211)
                : FakeTwilio.Answer.created("SM" + String.format("%032d", twilio.counter.get()));
    }

    @AfterEach
    void stop() throws IOException {
        twilio.close();
        stalled.close();
    }

    @Override
    protected Channel createChannel(Duration timeout) {
        return SmsChannel.builder().rest(twilio.config().withTimeouts(timeout, timeout)).composer(KitNumbers.composer()).build();
    }

    @Override
    protected Channel createChannelToStalledFarEnd(Duration timeout) {
        return SmsChannel.builder().rest(twilio.config().withBaseUrl(URI.create("http://127.0.0.1:" + stalled.port()))
                .withTimeouts(timeout, timeout)).composer(KitNumbers.composer()).build();
    }

    @Override
    protected dev.nps.api.Contact reachableContact(String id) {
        return numbers.reachable(id);
    }

    @Override
    protected dev.nps.api.Contact refusedContact() {
        return KitNumbers.refused();
    }

    @Override
    protected List<ReceivedMessage> awaitReceived(int count, Duration timeout) {
        // The REST call returns only after the far end has the message: nothing to wait for.
        return twilio.requests.stream().filter(p -> !p.get("To").equals(KitNumbers.refused().phone().orElseThrow()))
                .map((Map<String, String> p) -> new ReceivedMessage(p.get("To"), List.of(p.get("Body")))).toList();
    }
}
