package dev.nps.engine.integrations;

import dev.nps.api.Contact;
import dev.nps.spi.Alert;
import dev.nps.spi.AlertSink;
import dev.nps.spi.SendOutcome;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Emails alerts through an {@link AlertMailer}: to the address in the alert's {@value #RECIPIENT_FACT} fact when
 * there is one (a case owner, say), otherwise to the fixed recipients. The first failure is the outcome, so the
 * outbox retries the alert (recipients already reached may get it twice). Thread-safe when the mailer is.
 *
 * @since 0.1
 */
public final class EmailAlertSink implements AlertSink {
    /** The fact naming a recipient who gets the alert instead of the fixed recipients. {@value} */
    public static final String RECIPIENT_FACT = "notifyEmail";

    private final String name;
    private final AlertMailer mailer;
    private final List<String> recipients;

    /**
     * @param name       the sink's name
     * @param mailer     sends the mails
     * @param recipients fixed recipients, each a valid address (may be empty when every alert names its own)
     */
    public EmailAlertSink(String name, AlertMailer mailer, List<String> recipients) {
        this.name = dev.nps.api.internal.Checks.notBlank(name, "name");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.recipients = List.copyOf(recipients);
        this.recipients.forEach(Contact::requireEmail);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SendOutcome deliver(Alert alert) {
        Optional<String> routed = Optional.ofNullable(alert.facts().get(RECIPIENT_FACT));
        List<String> to = routed.map(List::of).orElse(recipients);
        if (to.isEmpty()) {
            return new SendOutcome.Permanent("alert names no recipient and the email sink has none configured", false);
        }
        StringBuilder body = new StringBuilder(alert.detail()).append("\n\n");
        new TreeMap<>(alert.facts()).forEach((k, v) -> {
            if (!k.equals(RECIPIENT_FACT)) {
                body.append(k).append(": ").append(v).append('\n');
            }
        });
        body.append("\nRule ").append(alert.ruleId()).append(", ").append(alert.severity()).append(", raised ").append(alert.raisedAt())
                .append("\nAlert id ").append(alert.id()).append('\n');
        String subject = "[NPS " + alert.severity() + "] " + alert.title();
        for (String recipient : to) {
            SendOutcome o = Objects.requireNonNull(mailer.send(recipient, subject, body.toString()), "outcome");
            if (!(o instanceof SendOutcome.Accepted)) {
                return o;
            }
        }
        return SendOutcome.accepted();
    }

    @Override
    public String toString() {
        return "EmailAlertSink[" + name + ", " + recipients.size() + " recipients]";
    }

    /** @return the facts an alert needs to be routed to one address */
    public static Map<String, String> routeTo(String email) {
        return Map.of(RECIPIENT_FACT, Contact.requireEmail(email));
    }
}
