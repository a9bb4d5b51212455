package dev.nps.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.engine.links.InAppPrompts;
import dev.nps.engine.links.LinkResponses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The respondent-facing HTTP endpoints on the JDK's {@code com.sun.net.httpserver}, with no other dependency.
 * Start it on a port with {@link #start(InetSocketAddress)} or mount {@link #handler()} on a context of the
 * host's own {@link HttpServer}. Paths, relative to where it is mounted:
 * <ul>
 *   <li>{@code GET r/<token>?score=N}: a page confirming the score and asking the follow-up question; it records
 *       nothing (mail scanners follow links); {@code POST r/<token>} records the answer, a second POST edits it;</li>
 *   <li>{@code GET u/<token>}: an unsubscribe page; {@code POST u/<token>}: unsubscribe, including the RFC 8058
 *       one-click body {@code List-Unsubscribe=One-Click};</li>
 *   <li>{@code GET api/prompt?contact=&ts=&sig=}: JSON saying whether the contact should see an in-app survey now;
 *       {@code POST api/answer}: records an in-app answer; both signed with HMAC-SHA256 (see {@link #sign});</li>
 *   <li>{@code GET widget.js}: a dependency-free script showing the 0-10 prompt in a page.</li>
 * </ul>
 * A host serves its own handlers on the same port with {@link #mount}, e.g. the SMS channel's webhooks.
 * Every response carries {@code Referrer-Policy: no-referrer}, {@code X-Content-Type-Options: nosniff} and a strict
 * {@code Content-Security-Policy}; every value shown is HTML-escaped; bodies are size-limited.
 *
 * @since 0.1
 */
public final class NpsHttpServer implements AutoCloseable {
    /** Default largest request body: 16 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    /** Default accepted difference between a signed timestamp and the server's clock: 5 minutes. */
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(5);

    private final Endpoints endpoints;
    private final Map<String, HttpHandler> mounts = new LinkedHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    private NpsHttpServer(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the handler to mount on a context of the host's server (it serves the paths relative to the context) */
    public HttpHandler handler() {
        return endpoints;
    }

    /**
     * Serves a host's own handler under a path of this server (for example the SMS channel's webhooks), so one
     * port serves both. Works before and after {@link #start}; on a host's own server mount the handler there
     * instead. The handler sees the full request path. Requests under the path no longer reach this server's
     * endpoints, so paths that would hide them are refused.
     *
     * @param path    an absolute path such as {@code /sms/inbound}: letters, digits, {@code - _ . /}, no {@code ..}
     * @param handler the handler, never null
     * @return this
     * @throws NpsException {@code INVALID_ARGUMENT} for a bad path or one that hides an endpoint ({@code /r/},
     *                      {@code /u/}, {@code /api/}, {@code /widget.js}), {@code CONFLICT} when the path is mounted already
     */
    public synchronized NpsHttpServer mount(String path, HttpHandler handler) {
        Checks.notBlank(path, "mount.path");
        Checks.notNull(handler, "mount.handler");
        if (!path.matches("/[A-Za-z0-9._/-]*[A-Za-z0-9._-]") || path.contains("..") || path.contains("//")) {
            throw NpsException.invalid("mount.path", "must be an absolute path of letters, digits and - _ . / such as /sms/inbound "
                    + "(no '..', no '//', no trailing '/')");
        }
        for (String reserved : List.of("/r", "/u", "/api", "/widget.js")) {
            if (path.equals(reserved) || path.startsWith(reserved + "/") || reserved.startsWith(path + "/")) {
                throw NpsException.invalid("mount.path", "'" + path + "' would hide the endpoint " + reserved
                        + "; choose another path such as /hooks/...");
            }
        }
        if (mounts.containsKey(path)) {
            throw new NpsException(ErrorCode.CONFLICT, "mount.path: '" + path + "' is mounted already");
        }
        mounts.put(path, handler);
        if (server != null) {
            server.createContext(path, handler);
        }
        return this;
    }

    /**
     * Starts a server of its own.
     *
     * @param address where to listen; port 0 picks a free port
     * @return this
     * @throws NpsException {@code CONFIGURATION} when the port cannot be bound, {@code CONFLICT} when already started
     */
    public synchronized NpsHttpServer start(InetSocketAddress address) {
        Checks.notNull(address, "address");
        if (server != null) {
            throw new NpsException(ErrorCode.CONFLICT, "the HTTP server is already started on port " + port());
        }
        try {
            HttpServer s = HttpServer.create(address, 64);
            s.createContext("/", endpoints);
            mounts.forEach(s::createContext);
            executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "nps-http");
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(executor);
            s.start();
            server = s;
            return this;
        } catch (IOException e) {
            throw new NpsException(ErrorCode.CONFIGURATION, "http: cannot listen on port " + address.getPort() + " ("
                    + e.getClass().getSimpleName() + "); choose another port", e);
        }
    }

    /** @return the port listened on */
    public synchronized int port() {
        if (server == null) {
            throw new NpsException(ErrorCode.CONFLICT, "the HTTP server is not started");
        }
        return server.getAddress().getPort();
    }

    /** Stops the server of its own, letting exchanges in progress finish for up to five seconds. */
    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                endpoints.awaitIdle(java.util.concurrent.TimeUnit.SECONDS.toNanos(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // Idle keep-alive connections would hold stop(n) for the full n seconds: the exchanges are done.
            server.stop(0);
            executor.shutdown();
            server = null;
        }
    }

    /**
     * The signature a host puts in in-app API requests.
     *
     * @param secret       the shared secret
     * @param contactId    the contact
     * @param epochSeconds the current time in seconds since the epoch
     * @return lower-case hex HMAC-SHA256 over {@code contactId + "\n" + epochSeconds}
     */
    public static String sign(byte[] secret, String contactId, long epochSeconds) {
        Checks.notNull(secret, "secret");
        Checks.id(contactId, "contactId");
        return HexFormat.of().formatHex(RequestAuth.sign(secret, contactId, epochSeconds));
    }

    /** Builder; {@link #build()} checks the configuration and reports every problem at once. */
    public static final class Builder {
        private LinkResponses links;
        private InAppPrompts prompts;
        private byte[] secret;
        private Clock clock;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration maxSkew = DEFAULT_MAX_SKEW;

        private Builder() {}

        /** The response-link service (required). */
        public Builder linkResponses(LinkResponses links) {
            this.links = Checks.notNull(links, "linkResponses");
            return this;
        }

        /**
         * Enables the in-app API.
         *
         * @param prompts the prompt service
         * @param secret  the secret shared with the host, at least 32 bytes
         */
        public Builder inApp(InAppPrompts prompts, byte[] secret) {
            this.prompts = Checks.notNull(prompts, "inAppPrompts");
            Checks.notNull(secret, "inAppSecret");
            if (secret.length < 32) {
                throw NpsException.invalid("inAppSecret", "must be at least 32 bytes (got " + secret.length + "); use 32 random bytes");
            }
            this.secret = secret.clone();
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        public Builder maxBodyBytes(int max) {
            if (max < 1024 || max > 10 * 1024 * 1024) {
                throw NpsException.invalid("maxBodyBytes", "must be 1024..10485760 (got " + max + ")");
            }
            this.maxBodyBytes = max;
            return this;
        }

        public Builder maxClockSkew(Duration skew) {
            Checks.notNull(skew, "maxClockSkew");
            if (skew.isNegative() || skew.isZero() || skew.compareTo(Duration.ofHours(1)) > 0) {
                throw NpsException.invalid("maxClockSkew", "must be positive and at most 1 hour (got " + skew + ")");
            }
            this.maxSkew = skew;
            return this;
        }

        /** @return the server, not yet listening */
        public NpsHttpServer build() {
            List<String> problems = new ArrayList<>();
            if (links == null) {
                problems.add("linkResponses: not set; pass the engine's LinkResponses");
            }
            if (clock == null) {
                problems.add("clock: not set; use Clock.systemUTC()");
            }
            if (!problems.isEmpty()) {
                throw new NpsException(ErrorCode.CONFIGURATION, "http server configuration: " + String.join("; ", problems));
            }
            RequestAuth auth = prompts == null ? null : new RequestAuth(secret, clock, maxSkew);
            return new NpsHttpServer(new Endpoints(links, prompts, auth, maxBodyBytes));
        }
    }
}
