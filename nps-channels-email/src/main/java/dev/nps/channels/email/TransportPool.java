package dev.nps.channels.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few connected SMTP transports shared by all sending threads. A permit per connection bounds the open
 * connections to the pool size; a connection is used by one thread at a time, goes back to the pool after a
 * success, and is closed after {@code recycleAfter} messages, after any error, or when it sat idle too long.
 */
final class TransportPool {
    private static final Logger LOG = LoggerFactory.getLogger(TransportPool.class);

    private final Session session;
    private final SmtpSettings settings;
    private final Clock clock;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicLong opened = new AtomicLong();
    private volatile boolean closed;

    /** Thrown when every connection stays busy for the whole wait. */
    static final class Busy extends Exception {
        private static final long serialVersionUID = 1L;

        Busy() {
            super("all pooled SMTP connections busy", null, false, false);
        }
    }

    /** One connected transport and how much it has been used. Owned by one thread between borrow and give-back. */
    static final class Connection {
        final Transport transport;
        final boolean fresh;
        private int sent;
        private Instant lastUsed;

        private Connection(Transport transport, boolean fresh, int sent, Instant lastUsed) {
            this.transport = transport;
            this.fresh = fresh;
            this.sent = sent;
            this.lastUsed = lastUsed;
        }

        boolean supportsSmtpUtf8() {
            return transport instanceof SMTPTransport t && t.supportsExtension("SMTPUTF8");
        }
    }

    TransportPool(Session session, SmtpSettings settings, Clock clock) {
        this.session = session;
        this.settings = settings;
        this.clock = clock;
        this.permits = new Semaphore(settings.poolSize(), true);
    }

    /**
     * @param wait how long to wait for a free connection
     * @return a connection for the calling thread alone; give it back with {@link #giveBack}
     * @throws Busy                 when no connection became free in time
     * @throws MessagingException   when a new connection could not be opened
     * @throws InterruptedException when interrupted while waiting
     */
    Connection borrow(Duration wait) throws Busy, MessagingException, InterruptedException {
        if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new Busy();
        }
        try {
            Instant now = clock.instant();
            Connection c;
            while ((c = idle.pollFirst()) != null) {
                if (Duration.between(c.lastUsed, now).compareTo(settings.maxIdle()) < 0) {
                    // No liveness probe here: SMTPTransport.isConnected() costs a NOOP round trip per message.
                    // A connection the server dropped fails fast before DATA and the channel retries on a fresh one.
                    return new Connection(c.transport, false, c.sent, c.lastUsed);
                }
                closeQuietly(c.transport);
            }
            Transport t = session.getTransport(settings.protocol());
            t.connect(settings.host(), settings.port(), settings.username().orElse(null), settings.password().orElse(null));
            opened.incrementAndGet();
            return new Connection(t, true, 0, now);
        } catch (MessagingException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /**
     * Returns a borrowed connection.
     *
     * @param c        the connection
     * @param sentOne  whether it just sent a message (counts towards recycling)
     * @param healthy  whether it can be used again; false closes it
     */
    void giveBack(Connection c, boolean sentOne, boolean healthy) {
        try {
            if (sentOne) {
                c.sent++;
            }
            c.lastUsed = clock.instant();
            if (!healthy || closed || c.sent >= settings.recycleAfter()) {
                closeQuietly(c.transport);
            } else {
                idle.offerFirst(c);
            }
        } finally {
            permits.release();
        }
    }

    /** @return connections opened so far (a test and benchmark figure) */
    long opened() {
        return opened.get();
    }

    /** Waits up to {@code wait} for in-flight sends, then closes every connection. */
    void close(Duration wait) {
        closed = true;
        int n = settings.poolSize();
        boolean all = false;
        try {
            all = permits.tryAcquire(n, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            closeQuietly(c.transport);
        }
        if (all) {
            permits.release(n);
        } else {
            LOG.warn("email channel closed while sends were still in flight after {}", wait);
        }
    }

    private static void closeQuietly(Transport t) {
        try {
            t.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("closing an SMTP connection failed: {}", e.getClass().getSimpleName());
        }
    }
}
