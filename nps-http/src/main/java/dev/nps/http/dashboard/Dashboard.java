package dev.nps.http.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.internal.Checks;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.ResponseListener;
import dev.nps.engine.analytics.ColumnarIndex;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live NPS dashboard on the JDK's {@link HttpServer}: one HTML page with no external asset (inline script and
 * style allowed by a per-response CSP nonce), filters by survey, period, channel and segment, figures that follow new
 * responses (the page polls a JSON endpoint), and drill-down from a segment, a theme or a score to the responses
 * behind it.
 *
 * <pre>{@code
 * Dashboard dashboard = Dashboard.builder(engine).segments("plan", "region").token(System.getenv("NPS_DASHBOARD_TOKEN"))
 *     .port(8080).start();
 * dashboard.loginUri();   // open once in a browser: http://127.0.0.1:8080/?token=...
 * }</pre>
 *
 * <p>Protected: nothing is served without a configured credential (a token, HTTP Basic, or the host's own
 * {@link DashboardAccess} hook); read-only (GET only, anything else is 405). Fast: the figures come from a
 * {@link ColumnarIndex} loaded from the store at start and kept up to date through a {@link ResponseListener}
 * (edits and erasures reach it on the next start); drill-down pages read the store. Starting a dashboard sets
 * {@code sun.net.httpserver.nodelay=true} unless already set (it saves about 40 ms per request; see the builder).
 *
 * @since 0.1
 */
public final class Dashboard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    /** Default polling interval of the page. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    /** The JDK HttpServer's TCP_NODELAY switch, set to true unless the application set it. */
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final AutoCloseable listener;
    private final String token;
    private final URI uri;

    private Dashboard(HttpServer server, ExecutorService executor, AutoCloseable listener, String token) {
        this.server = server;
        this.executor = executor;
        this.listener = listener;
        this.token = token;
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        this.uri = URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /**
     * @param engine the engine whose responses the dashboard shows, never null
     * @return a builder
     */
    public static Builder builder(NpsEngine engine) {
        return new Builder(Checks.notNull(engine, "engine"));
    }

    /** @return the dashboard's address, e.g. {@code http://127.0.0.1:8080/} */
    public URI uri() {
        return uri;
    }

    /**
     * @return the address with the token as a query parameter, for a browser to open once (it trades it for a
     *         session cookie); the plain address when no token is configured
     */
    public URI loginUri() {
        return token == null ? uri : URI.create(uri + "?token=" + token);
    }

    /** Stops the server and stops following responses. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            listener.close();
        } catch (Exception e) {
            LOG.warn("dashboard listener did not close: {}", e.getClass().getSimpleName());
        }
    }

    /** Builder; setters check their arguments, {@link #start()} checks that a credential is configured. */
    public static final class Builder {
        private final NpsEngine engine;
        private final Set<String> segments = new LinkedHashSet<>();
        private final List<DashboardAccess> access = new ArrayList<>();
        private String token;
        private CaseSource cases;
        private DashboardThemes themes;
        private Duration poll = DEFAULT_POLL_INTERVAL;
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private int threads = 4;

        private Builder(NpsEngine engine) {
            this.engine = engine;
        }

        /**
         * @param keys attributes offered as segments (filter and side-by-side breakdown); {@code channel} is built in
         * @return this builder
         */
        public Builder segments(String... keys) {
            for (String k : Checks.notNull(keys, "segments")) {
                Checks.attributeKey(k, "segments");
                if (k.equals("channel") || k.equals("survey")) {
                    throw NpsException.invalid("segments", "'" + k + "' is built in; remove it");
                }
                segments.add(k);
            }
            return this;
        }

        /**
         * @param secret a bearer token of at least 16 characters, accepted in the {@code Authorization} header or once
         *               as {@code ?token=} (then a session cookie)
         * @return this builder
         */
        public Builder token(String secret) {
            DashboardAccess.Credentials.checkToken(secret);
            if (token != null) {
                throw NpsException.invalid("token", "is already set; set it once");
            }
            token = secret;
            return this;
        }

        /**
         * @param user     HTTP Basic user
         * @param password HTTP Basic password, at least 12 characters
         * @return this builder
         */
        public Builder basic(String user, String password) {
            access.add(DashboardAccess.basic(user, password));
            return this;
        }

        /**
         * @param hook the host's own authentication check
         * @return this builder
         */
        public Builder access(DashboardAccess hook) {
            access.add(Checks.notNull(hook, "access"));
            return this;
        }

        /**
         * @param source where the case list comes from
         * @return this builder
         */
        public Builder cases(CaseSource source) {
            cases = Checks.notNull(source, "cases");
            return this;
        }

        /**
         * @param source themes and their mentions
         * @return this builder
         */
        public Builder themes(DashboardThemes source) {
            themes = Checks.notNull(source, "themes");
            return this;
        }

        /**
         * @param interval how often the page refreshes its figures, 1 second to 10 minutes
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            Checks.notNull(interval, "pollInterval");
            if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofMinutes(10)) > 0) {
                throw NpsException.invalid("pollInterval", "must be between 1 second and 10 minutes (got " + interval + ")");
            }
            poll = interval;
            return this;
        }

        /**
         * @param port TCP port on the loopback interface, 0 for any free port
         * @return this builder
         */
        public Builder port(int port) {
            return bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }

        /**
         * @param socketAddress where to listen (the default is loopback: put a TLS proxy in front for other hosts)
         * @return this builder
         */
        public Builder bind(InetSocketAddress socketAddress) {
            address = Checks.notNull(socketAddress, "bind");
            if (address.getPort() < 0 || address.getPort() > 65535) {
                throw NpsException.invalid("port", "must be 0..65535 (got " + address.getPort() + ")");
            }
            return this;
        }

        /**
         * Loads the index, starts following responses and starts the server.
         *
         * @return the running dashboard
         * @throws NpsException {@code CONFIGURATION} when no credential or hook is configured, or the port is taken
         */
        public Dashboard start() {
            if (token == null && access.isEmpty()) {
                throw new NpsException(ErrorCode.CONFIGURATION, "the dashboard needs a credential: set token(...), "
                        + "basic(user, password) or access(hook); it never serves NPS data without one");
            }
            String[] keys = segments.toArray(String[]::new);
            // Follow first, then load. The listener runs after the store has written, so a response recorded
            // before the scan is in the scan and ignored by the listener; one recorded while the scan runs may be
            // missed until the next start (the index has no ids to de-duplicate). Start before traffic when exact.
            ColumnarIndex[] holder = new ColumnarIndex[1];
            AutoCloseable follow = engine.responses().addListener(new ResponseListener() {
                @Override
                public void recorded(Response response) {
                    ColumnarIndex target;
                    synchronized (holder) {
                        target = holder[0];
                    }
                    if (target != null) {
                        append(target, response);
                    }
                }
            });
            ColumnarIndex index = ColumnarIndex.load(engine.store(), engine.clock(), keys);
            synchronized (holder) {
                holder[0] = index;
            }
            LOG.info("dashboard index loaded: {} responses, {} KB", index.size(), index.memoryBytes() / 1024);
            DashboardQueries queries = new DashboardQueries(engine, index, List.copyOf(segments), themes, cases);
            DashboardHandler handler = new DashboardHandler(queries, token, List.copyOf(access), poll);
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "nps-dashboard-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            disableNagle();
            HttpServer server;
            try {
                server = HttpServer.create(address, 64);
            } catch (IOException e) {
                closeQuietly(follow);
                executor.shutdownNow();
                throw new NpsException(ErrorCode.CONFIGURATION, "dashboard cannot listen on " + address
                        + " (" + e.getClass().getSimpleName() + "); choose another port");
            }
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
            Dashboard d = new Dashboard(server, executor, follow, token);
            LOG.info("dashboard listening on {}", d.uri());
            return d;
        }

        /**
         * The JDK's HttpServer writes a response's headers and body in two packets; with Nagle's algorithm on, the
         * client's delayed ACK holds the body back about 40 ms (measured here: 44 ms per request, 1.5 ms with
         * TCP_NODELAY). The server reads the switch once, when the JVM's first HttpServer starts; an explicit
         * setting by the application is kept.
         */
        private static void disableNagle() {
            if (System.getProperty(NODELAY_PROPERTY) == null) {
                System.setProperty(NODELAY_PROPERTY, "true");
            }
        }

        private void append(ColumnarIndex index, Response response) {
            Map<String, String> contact = response.contactId()
                    .flatMap(id -> engine.contacts().find(id)).map(c -> c.attributes()).orElse(Map.of());
            index.append(response, contact);
        }

        private static void closeQuietly(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("dashboard listener did not close: {}", e.getClass().getSimpleName());
            }
        }
    }
}
