package dev.nps.benchmarks.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.channels.email.EmailChannel;
import dev.nps.channels.email.RenderedEmail;
import dev.nps.channels.email.SmtpSecurity;
import dev.nps.channels.email.SmtpSettings;
import dev.nps.spi.Delivery;
import dev.nps.spi.SendOutcome;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Messages per second into a local GreenMail SMTP server: the email channel's pooled transports against one
 * connection per message, both through the channel (recycle after 1 message) and through plain Jakarta Mail
 * {@code Transport.send}, which is what most code does. Every variant renders the same invitation.
 *
 * <p>Run: {@code java -cp <classpath> org.openjdk.jmh.Main EmailSendBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class EmailSendBenchmark {
    private static final Survey SURVEY = Survey.builder("bench")
            .question("How likely are you to recommend Acme to a friend or colleague?").build();
    private static final Contact CONTACT = Contact.of("c-bench").email("bench@example.com").build();

    private GreenMail greenMail;
    private EmailChannel pooled;
    private EmailChannel newConnectionPerMessage;
    private Session plainSession;
    private final AtomicLong ids = new AtomicLong();

    @Setup(Level.Trial)
    public void start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        int port = greenMail.getSmtp().getPort();
        pooled = EmailChannel.smtp(settings(port).build());
        newConnectionPerMessage = EmailChannel.smtp(settings(port).recycleAfter(1).build());
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        plainSession = Session.getInstance(p);
    }

    private static SmtpSettings.Builder settings(int port) {
        return SmtpSettings.builder().host("127.0.0.1").port(port).security(SmtpSecurity.NONE).from("surveys@acme.example")
                .brandName("Acme").postalAddress("Acme Inc., 1 Main Street, Springfield").timeouts(Duration.ofSeconds(10))
                .breakerThreshold(1_000_000);
    }

    @Setup(Level.Iteration)
    public void purge() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @TearDown(Level.Trial)
    public void stop() {
        pooled.close();
        newConnectionPerMessage.close();
        greenMail.stop();
    }

    private Delivery next() {
        String id = "inv-" + ids.incrementAndGet();
        List<URI> links = new ArrayList<>(11);
        for (int s = 0; s <= 10; s++) {
            links.add(URI.create("https://acme.example/nps/r/" + id + "/" + s));
        }
        return new Delivery(id, 1, 0, SURVEY, CONTACT, Locale.ENGLISH, links, Optional.of(URI.create("https://acme.example/nps/u/" + id)));
    }

    private static SendOutcome check(SendOutcome o) {
        if (!(o instanceof SendOutcome.Accepted)) {
            throw new IllegalStateException("send failed: " + o);
        }
        return o;
    }

    @Benchmark
    public SendOutcome pooledChannel() {
        return check(pooled.send(next()));
    }

    @Benchmark
    public SendOutcome channelWithNewConnectionPerMessage() {
        return check(newConnectionPerMessage.send(next()));
    }

    @Benchmark
    public MimeMessage transportSendPerMessage() throws MessagingException {
        RenderedEmail r = pooled.preview(next());
        MimeMessage m = new MimeMessage(plainSession);
        m.setFrom(new InternetAddress("surveys@acme.example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("bench@example.com"));
        m.setSubject(r.subject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(r.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(r.html(), "UTF-8", "html");
        MimeMultipart alt = new MimeMultipart("alternative");
        alt.addBodyPart(text);
        alt.addBodyPart(html);
        m.setContent(alt);
        Transport.send(m);
        return m;
    }
}
