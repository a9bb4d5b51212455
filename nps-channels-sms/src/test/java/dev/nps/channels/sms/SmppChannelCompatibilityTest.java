package dev.nps.channels.sms;

import dev.nps.spi.Channel;
import dev.nps.testkit.ChannelCompatibilityKit;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The SMS channel over SMPP 3.4 passes the channel contract against an in-process jSMPP server. */
class SmppChannelCompatibilityTest extends ChannelCompatibilityKit {
    private FakeSmsc smsc;
    private StalledServer stalled;
    private final KitNumbers numbers = new KitNumbers();

    @BeforeEach
    void start() throws IOException {
        smsc = new FakeSmsc();
        stalled = new StalledServer();
    }

    @AfterEach
    void stop() throws IOException {
        smsc.close();
        stalled.close();
    }

    private SmppConfig config(int port, Duration timeout) {
        SmppConfig c = smsc.config();
        return new SmppConfig("127.0.0.1", port, c.systemId(), c.password(), "", c.sourceAddress(), Duration.ofSeconds(30), timeout,
                10, 0, Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    @Override
    protected Channel createChannel(Duration timeout) {
        return SmsChannel.builder().smpp(config(smsc.port, timeout)).composer(KitNumbers.composer()).build();
    }

    @Override
    protected Channel createChannelToStalledFarEnd(Duration timeout) {
        return SmsChannel.builder().smpp(config(stalled.port(), timeout)).composer(KitNumbers.composer()).build();
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
        // submit_sm_resp comes after the SMSC stored the message: nothing to wait for.
        return smsc.submits.stream().map(s -> new ReceivedMessage("+" + s.destination(), List.of(s.text()))).toList();
    }
}
