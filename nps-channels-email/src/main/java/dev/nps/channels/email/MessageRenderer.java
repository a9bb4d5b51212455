package dev.nps.channels.email;

import dev.nps.spi.Delivery;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a delivery into a MIME message: multipart/alternative with text first, then HTML, and the list headers. */
final class MessageRenderer {
    private final SmtpSettings settings;
    private final Session session;
    private final Clock clock;
    private final InternetAddress from;
    private final Optional<InternetAddress> replyTo;
    private final String idDomain;

    MessageRenderer(SmtpSettings settings, Session session, Clock clock) {
        this.settings = settings;
        this.session = session;
        this.clock = clock;
        InternetAddress f = Addresses.toInternetAddress(settings.from());
        if (settings.fromName().isPresent()) {
            try {
                f = new InternetAddress(f.getAddress(), settings.fromName().get(), StandardCharsets.UTF_8.name());
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
        }
        this.from = f;
        this.replyTo = settings.replyTo().map(Addresses::toInternetAddress);
        this.idDomain = Addresses.domainOf(settings.from());
    }

    /** Renders the templates for a delivery. */
    RenderedEmail preview(Delivery d) {
        URI unsubscribe = d.unsubscribeLink().orElse(settings.unsubscribeMailto().map(m -> URI.create("mailto:" + m)).orElse(null));
        Map<String, Object> context = context(settings.brand(), d.survey().question(), d.scoreLinks(), settings.postalAddress(),
                unsubscribe);
        if (d.reminder() > 0) {
            context.put("reminder", true);
        }
        return settings.templates().render(d.locale(), context);
    }

    /** Builds the message for a checked recipient address. */
    TrackedMessage render(Delivery d, String recipient) throws MessagingException {
        RenderedEmail r = preview(d);
        TrackedMessage m = new TrackedMessage(session, messageId(d));
        m.setFrom(from);
        replyTo.ifPresent(rt -> {
            try {
                m.setReplyTo(new InternetAddress[] {rt});
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        m.setRecipient(jakarta.mail.Message.RecipientType.TO, Addresses.toInternetAddress(recipient));
        m.setSubject(r.subject(), StandardCharsets.UTF_8.name());
        m.setSentDate(java.util.Date.from(clock.instant()));
        m.setHeader("Content-Language", d.locale().toLanguageTag());
        listUnsubscribe(d).ifPresent(v -> {
            try {
                m.setHeader("List-Unsubscribe", v);
                if (d.unsubscribeLink().filter(u -> "https".equalsIgnoreCase(u.getScheme())).isPresent()) {
                    // RFC 8058: one-click needs an https URI; a POST to it unsubscribes without a confirmation page.
                    m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        MimeBodyPart text = new MimeBodyPart();
        text.setText(r.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(r.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        m.setContent(alternative);
        m.saveChanges();
        return m;
    }

    private Optional<String> listUnsubscribe(Delivery d) {
        List<String> parts = new ArrayList<>(2);
        d.unsubscribeLink().ifPresent(u -> parts.add("<" + u.toASCIIString() + ">"));
        settings.unsubscribeMailto().ifPresent(m -> parts.add("<mailto:" + m + "?subject=unsubscribe>"));
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }

    /** A Message-ID that depends only on the invitation and reminder, so a retried send carries the same one. */
    String messageId(Delivery d) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((d.invitationId() + "\u0000" + d.reminder()).getBytes(StandardCharsets.UTF_8));
            return "<nps." + HexFormat.of().formatHex(h, 0, 16) + "." + d.reminder() + "@" + idDomain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static Map<String, Object> context(Brand brand, String question, List<URI> scoreLinks, String postalAddress, URI unsubscribe) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", brand.name());
        b.put("primaryColor", brand.primaryColor());
        b.put("buttonTextColor", brand.buttonTextColor());
        b.put("backgroundColor", brand.backgroundColor());
        b.put("textColor", brand.textColor());
        brand.logoUrl().ifPresent(u -> b.put("logoUrl", u.toASCIIString()));
        List<Map<String, Object>> scores = new ArrayList<>(11);
        for (int s = 0; s < scoreLinks.size(); s++) {
            scores.add(Map.of("score", s, "url", scoreLinks.get(s).toASCIIString()));
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("brand", b);
        c.put("question", question);
        c.put("scores", scores);
        c.put("postalAddress", postalAddress);
        if (unsubscribe != null) {
            c.put("unsubscribeUrl", unsubscribe.toASCIIString());
        }
        return c;
    }

    /**
     * A message with a fixed Message-ID that notes when its content starts going out: Jakarta Mail writes the
     * content only after the server accepted DATA, so a failure after that point may have delivered it.
     */
    static final class TrackedMessage extends MimeMessage {
        private final String id;
        private volatile boolean contentWritten;

        TrackedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
            contentWritten = true;
            super.writeTo(os, ignoreList);
        }

        String id() {
            return id;
        }

        boolean contentWritten() {
            return contentWritten;
        }
    }
}
