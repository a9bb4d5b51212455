package dev.nps.channels.email;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.PluginConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the email channel needs to reach an SMTP server and to write its messages. Every network wait has
 * a finite timeout (Jakarta Mail's own defaults wait forever). Build with {@link #builder()} or read from a
 * {@link PluginConfig} with {@link #fromConfig(PluginConfig)}; either way every problem is reported at once.
 * {@link #toString()} never shows the password.
 *
 * @param host            SMTP server host name
 * @param port            SMTP server port, 1..65535
 * @param security        how the connection is protected
 * @param username        user name for SMTP AUTH, if the server needs it
 * @param password        password for SMTP AUTH; set exactly when {@code username} is
 * @param from            sender address
 * @param fromName        sender display name, if any
 * @param replyTo         reply-to address, if any
 * @param postalAddress   the sender's postal address, shown in every footer (anti-spam laws require it)
 * @param brand           brand name, colours and logo
 * @param unsubscribeMailto a mailto address for {@code List-Unsubscribe}, if any
 * @param connectTimeout  time to open a connection
 * @param readTimeout     time to wait for each server reply
 * @param writeTimeout    time to write each block to the server
 * @param poolSize        connections kept open at most (and concurrent sends at most)
 * @param recycleAfter    messages sent over one connection before it is replaced
 * @param maxIdle         an idle connection older than this is closed instead of reused (servers drop idle ones)
 * @param breakerThreshold consecutive channel-down failures after which sends fail fast
 * @param breakerCoolDown how long sends fail fast before one is let through to probe the server
 * @param templates       the message templates
 * @since 0.1
 */
public record SmtpSettings(
        String host,
        int port,
        SmtpSecurity security,
        Optional<String> username,
        Optional<String> password,
        String from,
        Optional<String> fromName,
        Optional<String> replyTo,
        String postalAddress,
        Brand brand,
        Optional<String> unsubscribeMailto,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        int poolSize,
        int recycleAfter,
        Duration maxIdle,
        int breakerThreshold,
        Duration breakerCoolDown,
        EmailTemplates templates) {

    /** Default time to open a connection: {@value #DEFAULT_CONNECT_TIMEOUT_SECONDS} s. */
    public static final long DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    /** Default time to wait for each server reply: {@value #DEFAULT_READ_TIMEOUT_SECONDS} s. */
    public static final long DEFAULT_READ_TIMEOUT_SECONDS = 30;
    /** Default time to write each block: {@value #DEFAULT_WRITE_TIMEOUT_SECONDS} s. */
    public static final long DEFAULT_WRITE_TIMEOUT_SECONDS = 30;
    /** Longest timeout accepted, {@value #MAX_TIMEOUT_SECONDS} s: a longer one would hold a dispatcher thread for no use. */
    public static final long MAX_TIMEOUT_SECONDS = 600;
    /** Default number of pooled connections: {@value}. */
    public static final int DEFAULT_POOL_SIZE = 4;
    /** Default messages per connection before it is replaced: {@value}. */
    public static final int DEFAULT_RECYCLE_AFTER = 100;
    /** Default longest idle time of a pooled connection: {@value #DEFAULT_MAX_IDLE_SECONDS} s. */
    public static final long DEFAULT_MAX_IDLE_SECONDS = 30;
    /** Default consecutive channel-down failures before failing fast: {@value}. */
    public static final int DEFAULT_BREAKER_THRESHOLD = 5;
    /** Default fail-fast period: {@value #DEFAULT_BREAKER_COOL_DOWN_SECONDS} s. */
    public static final long DEFAULT_BREAKER_COOL_DOWN_SECONDS = 60;

    public SmtpSettings {
        List<String> problems = new ArrayList<>();
        validate(host, port, security, username, password, from, fromName, replyTo, postalAddress, brand, unsubscribeMailto,
                connectTimeout, readTimeout, writeTimeout, poolSize, recycleAfter, maxIdle, breakerThreshold, breakerCoolDown,
                templates, problems);
        throwIfAny(problems);
        host = host.strip();
        from = Addresses.normalise(from);
        replyTo = replyTo.map(Addresses::normalise);
        unsubscribeMailto = unsubscribeMailto.map(Addresses::normalise);
        postalAddress = postalAddress.strip();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads settings from plug-in configuration (keys relative to its prefix): {@code host}, {@code port},
     * {@code security} (none, smtps, starttls), {@code username}, {@code password}, {@code from}, {@code from-name},
     * {@code reply-to}, {@code postal-address}, {@code unsubscribe-mailto}, {@code brand.name},
     * {@code brand.primary-color}, {@code brand.button-text-color}, {@code brand.background-color},
     * {@code brand.text-color}, {@code brand.logo-url}, {@code timeout.connect}, {@code timeout.read},
     * {@code timeout.write}, {@code pool.size}, {@code pool.recycle-after}, {@code pool.max-idle},
     * {@code breaker.threshold}, {@code breaker.cool-down}, {@code templates.dir}.
     *
     * @param config the configuration, never null
     * @return the settings
     * @throws NpsException CONFIGURATION listing every problem, each with its full key
     */
    public static SmtpSettings fromConfig(PluginConfig config) {
        Objects.requireNonNull(config, "config");
        List<String> problems = new ArrayList<>();
        Builder b = builder();
        config.string("host").ifPresent(b::host);
        config.string("security").ifPresent(s -> {
            try {
                b.security(SmtpSecurity.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(config.key("security") + ": unknown value; use none, smtps or starttls");
            }
        });
        parse(problems, () -> config.integer("port", -1), p -> {
            if (p != -1) {
                b.port(p);
            }
        });
        config.string("username").ifPresent(b::username);
        config.string("password").ifPresent(b::password);
        config.string("from").ifPresent(b::from);
        config.string("from-name").ifPresent(b::fromName);
        config.string("reply-to").ifPresent(b::replyTo);
        config.string("postal-address").ifPresent(b::postalAddress);
        config.string("unsubscribe-mailto").ifPresent(b::unsubscribeMailto);
        config.string("brand.name").ifPresent(b::brandName);
        config.string("brand.primary-color").ifPresent(v -> b.brandColors.set(0, v));
        config.string("brand.button-text-color").ifPresent(v -> b.brandColors.set(1, v));
        config.string("brand.background-color").ifPresent(v -> b.brandColors.set(2, v));
        config.string("brand.text-color").ifPresent(v -> b.brandColors.set(3, v));
        config.string("brand.logo-url").ifPresent(v -> Brand.parseLogo(v, config.key("brand.logo-url"), problems).ifPresent(b::brandLogo));
        parse(problems, () -> config.duration("timeout.connect", b.connectTimeout), b::connectTimeout);
        parse(problems, () -> config.duration("timeout.read", b.readTimeout), b::readTimeout);
        parse(problems, () -> config.duration("timeout.write", b.writeTimeout), b::writeTimeout);
        parse(problems, () -> config.integer("pool.size", b.poolSize), b::poolSize);
        parse(problems, () -> config.integer("pool.recycle-after", b.recycleAfter), b::recycleAfter);
        parse(problems, () -> config.duration("pool.max-idle", b.maxIdle), b::maxIdle);
        parse(problems, () -> config.integer("breaker.threshold", b.breakerThreshold), b::breakerThreshold);
        parse(problems, () -> config.duration("breaker.cool-down", b.breakerCoolDown), b::breakerCoolDown);
        config.string("templates.dir").ifPresent(dir -> {
            try {
                b.templates(EmailTemplates.fromDirectory(Path.of(dir)));
            } catch (NpsException e) {
                problems.add(config.key("templates.dir") + ": " + e.getMessage());
            } catch (RuntimeException e) {
                problems.add(config.key("templates.dir") + ": not a usable directory path");
            }
        });
        b.collect(problems, config.prefix().isEmpty() ? "" : config.prefix() + ".");
        throwIfAny(problems);
        return b.build();
    }

    private static <T> void parse(List<String> problems, Supplier<T> read, java.util.function.Consumer<T> set) {
        try {
            set.accept(read.get());
        } catch (NpsException e) {
            problems.add(e.getMessage());
        }
    }

    /** @return the Jakarta Mail protocol name for this security mode */
    String protocol() {
        return security == SmtpSecurity.SMTPS ? "smtps" : "smtp";
    }

    private static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, "email channel configuration has " + problems.size()
                    + (problems.size() == 1 ? " problem: " : " problems: ") + String.join("; ", problems));
        }
    }

    private static void validate(String host, int port, SmtpSecurity security, Optional<String> username,
                                 Optional<String> password, String from, Optional<String> fromName, Optional<String> replyTo,
                                 String postalAddress, Brand brand, Optional<String> unsubscribeMailto, Duration connectTimeout,
                                 Duration readTimeout, Duration writeTimeout, int poolSize, int recycleAfter, Duration maxIdle,
                                 int breakerThreshold, Duration breakerCoolDown, EmailTemplates templates, List<String> problems) {
        validate("", host, port, security, username, password, from, fromName, replyTo, postalAddress, unsubscribeMailto,
                connectTimeout, readTimeout, writeTimeout, poolSize, recycleAfter, maxIdle, breakerThreshold, breakerCoolDown,
                problems);
        if (brand == null) {
            problems.add("brand: must be set, e.g. Brand.of(\"Acme\")");
        }
        if (templates == null) {
            problems.add("templates: must be set, e.g. EmailTemplates.builtIn()");
        }
    }

    static void validate(String p, String host, int port, SmtpSecurity security, Optional<String> username,
                         Optional<String> password, String from, Optional<String> fromName, Optional<String> replyTo,
                         String postalAddress, Optional<String> unsubscribeMailto, Duration connectTimeout, Duration readTimeout,
                         Duration writeTimeout, int poolSize, int recycleAfter, Duration maxIdle, int breakerThreshold,
                         Duration breakerCoolDown, List<String> problems) {
        if (host == null || host.isBlank()) {
            problems.add(p + "host: must be set to the SMTP server's host name, e.g. smtp.example.com");
        } else if (!host.strip().matches("[A-Za-z0-9._:\\[\\]\\-]{1,253}")) {
            problems.add(p + "host: not a host name or IP address");
        }
        if (port < 1 || port > 65535) {
            problems.add(p + "port: must be 1..65535 (got " + port + "); usually 587 with starttls or 465 with smtps");
        }
        if (security == null) {
            problems.add(p + "security: must be set to none, smtps or starttls");
        }
        if (username == null || password == null) {
            problems.add(p + "username/password: must not be null (use Optional.empty())");
        } else if (username.isPresent() != password.isPresent()) {
            problems.add(p + (username.isPresent() ? "password: must be set when username is" : "username: must be set when password is"));
        }
        if (from == null || from.isBlank()) {
            problems.add(p + "from: must be set to the sender address, e.g. surveys@example.com");
        } else if (Addresses.check(from.strip()).isPresent()) {
            problems.add(p + "from: is not an email address (" + Addresses.check(from.strip()).get() + ")");
        }
        if (fromName == null) {
            problems.add(p + "from-name: must not be null (use Optional.empty())");
        } else if (fromName.filter(n -> n.indexOf('\r') >= 0 || n.indexOf('\n') >= 0).isPresent()) {
            problems.add(p + "from-name: must be one line");
        }
        address(replyTo, p + "reply-to", problems);
        address(unsubscribeMailto, p + "unsubscribe-mailto", problems);
        if (postalAddress == null || postalAddress.isBlank()) {
            problems.add(p + "postal-address: must be set; the footer of every survey email shows the sender's postal address");
        } else if (postalAddress.length() > 300) {
            problems.add(p + "postal-address: longer than 300 characters");
        }
        timeout(connectTimeout, p + "timeout.connect", problems);
        timeout(readTimeout, p + "timeout.read", problems);
        timeout(writeTimeout, p + "timeout.write", problems);
        if (poolSize < 1 || poolSize > 64) {
            problems.add(p + "pool.size: must be 1..64 (got " + poolSize + ")");
        }
        if (recycleAfter < 1) {
            problems.add(p + "pool.recycle-after: must be at least 1 message (got " + recycleAfter + ")");
        }
        positive(maxIdle, p + "pool.max-idle", problems);
        if (breakerThreshold < 1) {
            problems.add(p + "breaker.threshold: must be at least 1 (got " + breakerThreshold + ")");
        }
        positive(breakerCoolDown, p + "breaker.cool-down", problems);
    }

    private static void address(Optional<String> value, String key, List<String> problems) {
        if (value == null) {
            problems.add(key + ": must not be null (use Optional.empty())");
            return;
        }
        value.flatMap(v -> Addresses.check(v.strip())).ifPresent(why -> problems.add(key + ": is not an email address (" + why + ")"));
    }

    private static void timeout(Duration d, String key, List<String> problems) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofSeconds(MAX_TIMEOUT_SECONDS)) > 0) {
            problems.add(key + ": must be positive and at most " + MAX_TIMEOUT_SECONDS + "s (got " + d + "); a send never waits forever");
        }
    }

    private static void positive(Duration d, String key, List<String> problems) {
        if (d == null || d.isNegative() || d.isZero()) {
            problems.add(key + ": must be a positive duration (got " + d + ")");
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + security + "://" + host + ":" + port + ", auth=" + username.isPresent() + ", brand=" + brand.name()
                + ", pool=" + poolSize + ", recycleAfter=" + recycleAfter + ", timeouts=" + connectTimeout + "/" + readTimeout + "/"
                + writeTimeout + "]";
    }

    /** Collects settings; {@link #build()} validates them all at once and may be called again. */
    public static final class Builder {
        private String host;
        private Integer port;
        private SmtpSecurity security = SmtpSecurity.STARTTLS;
        private String username;
        private String password;
        private String from;
        private String fromName;
        private String replyTo;
        private String postalAddress;
        private String brandName;
        private final List<String> brandColors = new ArrayList<>(List.of(Brand.DEFAULT_PRIMARY_COLOR,
                Brand.DEFAULT_BUTTON_TEXT_COLOR, Brand.DEFAULT_BACKGROUND_COLOR, Brand.DEFAULT_TEXT_COLOR));
        private URI brandLogo;
        private Brand brand;
        private String unsubscribeMailto;
        private Duration connectTimeout = Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS);
        private Duration readTimeout = Duration.ofSeconds(DEFAULT_READ_TIMEOUT_SECONDS);
        private Duration writeTimeout = Duration.ofSeconds(DEFAULT_WRITE_TIMEOUT_SECONDS);
        private int poolSize = DEFAULT_POOL_SIZE;
        private int recycleAfter = DEFAULT_RECYCLE_AFTER;
        private Duration maxIdle = Duration.ofSeconds(DEFAULT_MAX_IDLE_SECONDS);
        private int breakerThreshold = DEFAULT_BREAKER_THRESHOLD;
        private Duration breakerCoolDown = Duration.ofSeconds(DEFAULT_BREAKER_COOL_DOWN_SECONDS);
        private EmailTemplates templates;

        private Builder() {}

        /**
         * Sets the SMTP server's host name (required).
         *
         * @param host the host, e.g. {@code smtp.example.com}
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Sets the port; when unset, the usual port of the security mode is used. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Sets how the connection is protected; {@link SmtpSecurity#STARTTLS} by default.
         *
         * @param security the mode
         * @return this builder
         */
        public Builder security(SmtpSecurity security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /** Sets the SMTP AUTH credentials. */
        public Builder credentials(String username, String password) {
            return username(username).password(password);
        }

        /**
         * Sets the SMTP AUTH user name; needs {@link #password}.
         *
         * @param username the user name
         * @return this builder
         */
        public Builder username(String username) {
            this.username = Objects.requireNonNull(username, "username");
            return this;
        }

        /**
         * Sets the SMTP AUTH password; never shown by {@code toString()}.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Sets the sender address (required).
         *
         * @param from the address, e.g. {@code surveys@example.com}
         * @return this builder
         */
        public Builder from(String from) {
            this.from = Objects.requireNonNull(from, "from");
            return this;
        }

        /**
         * Sets the sender's display name.
         *
         * @param fromName one line, e.g. {@code Acme}
         * @return this builder
         */
        public Builder fromName(String fromName) {
            this.fromName = Objects.requireNonNull(fromName, "fromName");
            return this;
        }

        /**
         * Sets where replies go.
         *
         * @param replyTo an address
         * @return this builder
         */
        public Builder replyTo(String replyTo) {
            this.replyTo = Objects.requireNonNull(replyTo, "replyTo");
            return this;
        }

        /**
         * Sets the sender's postal address shown in every footer (required).
         *
         * @param postalAddress one line or a few, at most 300 characters
         * @return this builder
         */
        public Builder postalAddress(String postalAddress) {
            this.postalAddress = Objects.requireNonNull(postalAddress, "postalAddress");
            return this;
        }

        /** Sets the whole brand; replaces any brand name, colours or logo set one by one. */
        public Builder brand(Brand brand) {
            this.brand = Objects.requireNonNull(brand, "brand");
            return this;
        }

        /** Sets the brand name, with the default colours unless {@link #brand(Brand)} is used. */
        public Builder brandName(String name) {
            this.brandName = Objects.requireNonNull(name, "brandName");
            return this;
        }

        Builder brandLogo(URI logo) {
            this.brandLogo = logo;
            return this;
        }

        /** Sets a mailto address offered in {@code List-Unsubscribe} next to the one-click link. */
        public Builder unsubscribeMailto(String address) {
            this.unsubscribeMailto = Objects.requireNonNull(address, "unsubscribeMailto");
            return this;
        }

        /**
         * Sets the time to open a connection.
         *
         * @param timeout positive, at most {@value SmtpSettings#MAX_TIMEOUT_SECONDS} s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets the time to wait for each server reply.
         *
         * @param timeout positive, at most {@value SmtpSettings#MAX_TIMEOUT_SECONDS} s
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "readTimeout");
            return this;
        }

        /**
         * Sets the time to write each block to the server.
         *
         * @param timeout positive, at most {@value SmtpSettings#MAX_TIMEOUT_SECONDS} s
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Objects.requireNonNull(timeout, "writeTimeout");
            return this;
        }

        /** Sets the connect, read and write timeouts to one value. */
        public Builder timeouts(Duration timeout) {
            return connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout);
        }

        /**
         * Sets how many connections are kept open at most.
         *
         * @param poolSize 1..64
         * @return this builder
         */
        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        /**
         * Sets how many messages one connection sends before it is replaced.
         *
         * @param messages at least 1
         * @return this builder
         */
        public Builder recycleAfter(int messages) {
            this.recycleAfter = messages;
            return this;
        }

        /**
         * Sets how long a connection may sit idle and still be reused.
         *
         * @param maxIdle positive
         * @return this builder
         */
        public Builder maxIdle(Duration maxIdle) {
            this.maxIdle = Objects.requireNonNull(maxIdle, "maxIdle");
            return this;
        }

        /**
         * Sets how many consecutive channel-down failures open the circuit breaker.
         *
         * @param failures at least 1
         * @return this builder
         */
        public Builder breakerThreshold(int failures) {
            this.breakerThreshold = failures;
            return this;
        }

        /**
         * Sets how long the open breaker fails sends fast.
         *
         * @param coolDown positive
         * @return this builder
         */
        public Builder breakerCoolDown(Duration coolDown) {
            this.breakerCoolDown = Objects.requireNonNull(coolDown, "breakerCoolDown");
            return this;
        }

        /**
         * Sets the templates; {@link EmailTemplates#builtIn()} by default.
         *
         * @param templates the templates
         * @return this builder
         */
        public Builder templates(EmailTemplates templates) {
            this.templates = Objects.requireNonNull(templates, "templates");
            return this;
        }

        /**
         * @return the validated settings
         * @throws NpsException CONFIGURATION listing every problem
         */
        public SmtpSettings build() {
            List<String> problems = new ArrayList<>();
            collect(problems, "");
            throwIfAny(problems);
            return new SmtpSettings(host, resolvedPort(), security, Optional.ofNullable(username), Optional.ofNullable(password),
                    from, Optional.ofNullable(fromName), Optional.ofNullable(replyTo), postalAddress, resolvedBrand(problems, ""),
                    Optional.ofNullable(unsubscribeMailto), connectTimeout, readTimeout, writeTimeout, poolSize, recycleAfter,
                    maxIdle, breakerThreshold, breakerCoolDown, templates == null ? EmailTemplates.builtIn() : templates);
        }

        private int resolvedPort() {
            return port == null ? security.defaultPort() : port;
        }

        private Brand resolvedBrand(List<String> problems, String p) {
            if (brand != null) {
                return brand;
            }
            Brand.problems(brandName, brandColors.get(0), brandColors.get(1), brandColors.get(2), brandColors.get(3),
                    Optional.ofNullable(brandLogo), p + "brand", problems);
            if (!problems.isEmpty()) {
                return null;
            }
            return new Brand(brandName, brandColors.get(0), brandColors.get(1), brandColors.get(2), brandColors.get(3),
                    Optional.ofNullable(brandLogo));
        }

        void collect(List<String> problems, String p) {
            validate(p, host, resolvedPort(), security, Optional.ofNullable(username), Optional.ofNullable(password), from,
                    Optional.ofNullable(fromName), Optional.ofNullable(replyTo), postalAddress, Optional.ofNullable(unsubscribeMailto),
                    connectTimeout, readTimeout, writeTimeout, poolSize, recycleAfter, maxIdle, breakerThreshold, breakerCoolDown,
                    problems);
            resolvedBrand(problems, p);
        }
    }
}
