package dev.nps.channels.email;

import dev.nps.spi.SendOutcome;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Maps Jakarta Mail failures to send outcomes. Reasons name the SMTP code and stage but never quote the server's
 * text, which often repeats the recipient address.
 */
final class Outcomes {
    private Outcomes() {}

    /** A classified send failure; {@code freshConnectionMayHelp} when a reused connection had probably been dropped. */
    record Failure(SendOutcome outcome, boolean freshConnectionMayHelp) {}

    /** Failure to open or authenticate a connection: the whole channel is unusable for now. */
    static SendOutcome connectFailure(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return down("SMTP authentication failed; check the username and password");
        }
        if (find(e, SocketTimeoutException.class).isPresent()) {
            return down("the SMTP server did not answer within the timeout while connecting");
        }
        if (find(e, UnknownHostException.class).isPresent()) {
            return down("the SMTP host name does not resolve; check the host setting");
        }
        if (e instanceof MailConnectException || find(e, ConnectException.class).isPresent()
                || find(e, NoRouteToHostException.class).isPresent()) {
            return down("cannot connect to the SMTP server (connection refused or unreachable)");
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("STARTTLS")) {
            return down("the SMTP server does not offer STARTTLS, which the security setting requires");
        }
        return down("cannot open an SMTP session (" + e.getClass().getSimpleName() + ")");
    }

    /**
     * Failure while sending over an open connection.
     *
     * @param contentWritten whether the message content had started to go out (DATA was accepted)
     */
    static Failure sendFailure(MessagingException e, boolean contentWritten) {
        Optional<SMTPAddressFailedException> rcpt = find(e, SMTPAddressFailedException.class);
        if (rcpt.isPresent()) {
            return new Failure(recipientReply(rcpt.get().getReturnCode()), false);
        }
        Optional<SMTPSenderFailedException> sender = find(e, SMTPSenderFailedException.class);
        if (sender.isPresent()) {
            int code = sender.get().getReturnCode();
            if (code == 421) {
                return new Failure(retry("SMTP 421 at MAIL FROM: the server is closing the connection"), true);
            }
            if (code >= 400 && code < 500) {
                return new Failure(retry("SMTP " + code + " at MAIL FROM (temporary failure)"), false);
            }
            return new Failure(down("SMTP " + code + " at MAIL FROM: the server refused the sender; check the from setting"
                    + " and whether the account may send as it"), false);
        }
        Optional<SMTPSendFailedException> other = find(e, SMTPSendFailedException.class);
        if (other.isPresent() && other.get().getReturnCode() > 0) {
            SMTPSendFailedException x = other.get();
            int code = x.getReturnCode();
            String cmd = String.valueOf(x.getCommand());
            if (cmd.startsWith("RCPT")) {
                return new Failure(recipientReply(code), false);
            }
            String stage = cmd.startsWith("MAIL") ? "MAIL FROM" : cmd.startsWith("DATA") || cmd.isEmpty() || cmd.equals("null")
                    ? "DATA" : "end of DATA";
            if (contentWritten) {
                stage = "end of DATA";
            }
            if (code >= 400 && code < 500) {
                return new Failure(retry("SMTP " + code + " at " + stage + " (temporary failure)"), code == 421 && !contentWritten);
            }
            return new Failure(new SendOutcome.Permanent("SMTP " + code + " at " + stage + ": the server refused the message", false),
                    false);
        }
        boolean timeout = find(e, SocketTimeoutException.class).isPresent();
        if (contentWritten) {
            return new Failure(new SendOutcome.Ambiguous(timeout
                    ? "the SMTP server did not confirm within the read timeout after the message was sent; it may have been delivered"
                    : "the connection failed after the message was sent (" + rootName(e) + "); it may have been delivered"), false);
        }
        if (timeout) {
            return new Failure(retry("the SMTP server did not answer within the read timeout before the message was sent"), false);
        }
        return new Failure(retry("the SMTP connection failed before the message was sent (" + rootName(e) + ")"), true);
    }

    private static SendOutcome recipientReply(int code) {
        if (code >= 400 && code < 500) {
            return retry("SMTP " + code + " for the recipient (temporary failure)");
        }
        boolean unknownMailbox = code == 550 || code == 551 || code == 553;
        return new SendOutcome.Permanent("SMTP " + code + " for the recipient: "
                + (unknownMailbox ? "mailbox unknown or unavailable" : "refused"), unknownMailbox);
    }

    static SendOutcome retry(String reason) {
        return new SendOutcome.Retryable(Optional.empty(), reason, false);
    }

    static SendOutcome down(String reason) {
        return new SendOutcome.Retryable(Optional.empty(), reason, true);
    }

    private static String rootName(Throwable e) {
        Throwable t = e;
        Set<Throwable> seen = new HashSet<>();
        while (next(t) != null && seen.add(t)) {
            t = next(t);
        }
        return t.getClass().getSimpleName();
    }

    private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = next(t)) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != m.getCause()) {
                Optional<T> inNext = find(m.getNextException(), type);
                if (inNext.isPresent()) {
                    return inNext;
                }
            }
        }
        return Optional.empty();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }
}
