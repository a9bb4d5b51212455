package dev.nps.channels.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.nps.api.Contact;
import dev.nps.spi.Channel;
import dev.nps.testkit.ChannelCompatibilityKit;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email channel against GreenMail, a real in-process SMTP server, and a socket that never answers. */
class EmailChannelCompatibilityTest extends ChannelCompatibilityKit {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final List<AutoCloseable> stalled = new ArrayList<>();

    @AfterEach
    void closeStalledServers() throws Exception {
        for (AutoCloseable c : stalled) {
            c.close();
        }
    }

    @Override
    protected Channel createChannel(Duration timeout) {
        return EmailChannel.smtp(Fixtures.settings(GREEN_MAIL.getSmtp().getPort()).timeouts(timeout).build());
    }

    @Override
    protected Channel createChannelToStalledFarEnd(Duration timeout) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            List<Socket> accepted = new ArrayList<>();
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "stalled-smtp");
            t.setDaemon(true);
            t.start();
            stalled.add(() -> {
                server.close();
                for (Socket s : accepted) {
                    s.close();
                }
            });
            return EmailChannel.smtp(Fixtures.settings(server.getLocalPort()).timeouts(timeout).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Contact reachableContact(String id) {
        return Contact.of("kit-" + id).email("kit-" + id + "@example.com").build();
    }

    @Override
    protected Contact refusedContact() {
        return Contact.of("kit-refused").email("kit..refused@example.com").build();
    }

    @Override
    protected List<ReceivedMessage> awaitReceived(int count, Duration timeout) {
        GREEN_MAIL.waitForIncomingEmail(timeout.toMillis(), count);
        List<ReceivedMessage> result = new ArrayList<>();
        try {
            for (MimeMessage m : GREEN_MAIL.getReceivedMessages()) {
                List<String> bodies = new ArrayList<>();
                Multipart mp = (Multipart) m.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart part = mp.getBodyPart(i);
                    bodies.add((String) part.getContent());
                }
                result.add(new ReceivedMessage(m.getAllRecipients()[0].toString(), bodies));
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
