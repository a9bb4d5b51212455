package dev.nps.cli;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.engine.reports.NpsReport;
import dev.nps.engine.reports.ReportMailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Sends a report by SMTP (Jakarta Mail, as the email channel uses): a plain-text summary and the HTML report as
 * alternatives. Lives in nps-cli because the engine does not depend on the email module.
 */
final class SmtpReportMailer implements ReportMailer {
    private final String host;
    private final int port;
    private final String from;

    SmtpReportMailer(String host, int port, String from) {
        this.host = host;
        this.port = port;
        this.from = from;
    }

    @Override
    public void send(List<String> recipients, String subject, NpsReport report, String html) {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        Session session = Session.getInstance(p);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(from));
            for (String r : recipients) {
                m.addRecipient(Message.RecipientType.TO, new InternetAddress(r, true));
            }
            m.setSubject(subject, "UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            NpsReport.Figure o = report.overall();
            text.setText(String.format(Locale.ROOT, "%s%nNPS %.1f [%.1f, %.1f] from %d responses.%nThe full report is the "
                    + "HTML part of this message.%n", subject, o.nps(), o.low(), o.high(), o.responses()), "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setContent(html, "text/html; charset=UTF-8");
            alternative.addBodyPart(text);
            alternative.addBodyPart(rich);
            m.setContent(alternative);
            Transport.send(m);
        } catch (MessagingException e) {
            throw new NpsException(ErrorCode.CHANNEL_FAILURE, "the report could not be mailed through " + host + ":" + port
                    + " (" + e.getClass().getSimpleName() + "); check the SMTP server");
        }
    }
}
