package dev.nps.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.QuietHours;
import dev.nps.api.ReminderPolicy;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.Survey;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.spi.AlertOutbox;
import dev.nps.spi.AlertState;
import dev.nps.spi.AlertStorage;
import dev.nps.spi.ResponseTags;
import dev.nps.spi.Sequences;
import dev.nps.spi.WorkflowStorage;
import dev.nps.spi.CaseStore;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.FatigueGuard;
import dev.nps.spi.InsertResult;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationInsert;
import dev.nps.spi.InvitationSkip;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.NpsStore;
import dev.nps.spi.ResponseToken;
import dev.nps.spi.ScoreRowVisitor;
import dev.nps.spi.Suppression;
import dev.nps.spi.Unsubscribe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link NpsStore} on plain JDBC: an embedded H2 file database by default, PostgreSQL 15+ and
 * MariaDB 10.6+ / MySQL 8 for shared deployments.
 *
 * <pre>{@code
 * NpsStore local  = JdbcStore.embedded(Path.of("nps-data"));                        // H2 file, no server
 * NpsStore shared = JdbcStore.connect("jdbc:postgresql://db/app", "nps", secret);  // own HikariCP pool
 * NpsStore theirs = JdbcStore.using(applicationDataSource);                         // never closed by us
 * NpsStore custom = JdbcStore.builder().url(url).user(u).password(p).tablePrefix("acme_nps_").migrate(false).build();
 * }</pre>
 *
 * <p>The schema is created and upgraded by versioned Flyway migrations on start (turn that off with
 * {@link Builder#migrate(boolean)} when a DBA applies them). Every write is one transaction; one response per
 * invitation is enforced by a unique constraint, so several application instances may share one database.
 * Analytics {@link #scan scans} stream compact columns through a forward-only cursor and never build a
 * {@link Response} per row.
 *
 * <p>It is also the durable outbox of the dispatch pipeline ({@link DispatchStore}), so an engine built on it
 * sends invitations at least once across restarts and with several application instances on one database; and
 * the {@link AlertStorage} of alert, event and CRM deliveries, follow-up cases and alert cool-downs (see
 * {@link #alertOutbox()}), so those survive a restart too; and the {@link WorkflowStorage} of response tags and the
 * round-robin sequences of case owners (see {@link #responseTags()}).
 *
 * @since 0.1
 */
public final class JdbcStore implements NpsStore, DispatchStore, AlertStorage, WorkflowStorage {
    /** Table prefix used unless configured. {@value} */
    public static final String DEFAULT_TABLE_PREFIX = "nps_";
    /** Folder of the embedded database, relative to the working directory. {@value} */
    public static final String DEFAULT_FOLDER = "nps-data";
    /** Connections in a pool the store opens itself. {@value} */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** Rows fetched per round trip while scanning. {@value} */
    public static final int DEFAULT_FETCH_SIZE = 1000;
    /** Responses written per transaction by {@link #insertResponses(List)}. {@value} */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
    private static final Pattern TABLE_PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,19}|");
    private static final String RESPONSE_COLUMNS =
            "r.id, r.survey_id, r.contact_id, r.invitation_id, r.score, r.comment, r.channel, r.answered_at_s, r.answered_at_ns";
    /** How often an insert that hit a constraint whose winner then rolled back is tried again. */
    private static final int INSERT_ATTEMPTS = 5;
    /** How often a write aborted as a deadlock or serialization victim is run. */
    private static final int TRANSIENT_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final Dialect dialect;
    private final Tables tables;
    private final Clock clock;
    private final int fetchSize;
    private final int batchSize;
    private final String description;
    private final String password;
    private volatile boolean closed;

    private final String upsertSurveySql;
    private final String upsertContactSql;
    private final String insertResponseSql;
    private final String insertResponseAttributeSql;
    private final String insertContactAttributeSql;
    private final JdbcOutbox outbox;
    private final JdbcAlertOutbox alertOutbox;
    private final JdbcCaseStore caseStore;
    private final JdbcAlertState alertState;
    private final JdbcResponseTags responseTags;
    private final JdbcSequences sequences;

    private JdbcStore(DataSource dataSource, HikariDataSource ownedPool, Dialect dialect, Builder b, String description) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.dialect = dialect;
        this.tables = new Tables(b.tablePrefix);
        this.clock = b.clock;
        this.fetchSize = b.fetchSize;
        this.batchSize = b.batchSize;
        this.description = description;
        this.password = b.password;
        this.upsertSurveySql = dialect.upsert(tables.surveys(), List.of("id"), List.of("question", "follow_up_detractor",
                "follow_up_passive", "follow_up_promoter", "language", "channels", "triggers", "throttle_per_contact",
                "quiet_start", "quiet_end", "reminder_delay", "reminder_max", "updated_at"));
        this.upsertContactSql = dialect.upsert(tables.contacts(), List.of("id"),
                List.of("email", "phone", "locale", "zone", "consent", "channel_preference", "updated_at"));
        this.insertResponseSql = "INSERT INTO " + tables.responses() + " (id, survey_id, contact_id, invitation_id, score, comment,"
                + " channel, answered_at_s, answered_at_ns, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.insertResponseAttributeSql = "INSERT INTO " + tables.responseAttributes() + " (response_id, attr_key, attr_value) VALUES (?, ?, ?)";
        this.insertContactAttributeSql = "INSERT INTO " + tables.contactAttributes() + " (contact_id, attr_key, attr_value) VALUES (?, ?, ?)";
        this.outbox = new JdbcOutbox(this, dialect, b.tablePrefix);
        this.alertOutbox = new JdbcAlertOutbox(this, dialect, b.tablePrefix);
        this.caseStore = new JdbcCaseStore(this, dialect, b.tablePrefix);
        this.alertState = new JdbcAlertState(this, dialect, b.tablePrefix);
        this.responseTags = new JdbcResponseTags(this, dialect, b.clock, b.tablePrefix);
        this.sequences = new JdbcSequences(this, dialect, b.tablePrefix);
    }

    // --- factories ---

    /**
     * Opens (creating if needed) the embedded H2 database in {@value #DEFAULT_FOLDER} under the working directory.
     *
     * @return a ready store; close it to release the database file
     * @throws NpsException {@code STORE_FAILURE} when the database cannot be opened or migrated
     */
    public static JdbcStore embedded() {
        return builder().build();
    }

    /**
     * Opens (creating if needed) an embedded H2 database in a folder.
     *
     * @param folder where the database files live, never null; created when missing
     * @return a ready store; close it to release the database file
     * @throws NpsException {@code STORE_FAILURE} when the database cannot be opened or migrated
     */
    public static JdbcStore embedded(Path folder) {
        return builder().embedded(folder).build();
    }

    /**
     * Connects to a database through a HikariCP pool the store owns and closes in {@link #close()}.
     *
     * @param url      a {@code jdbc:h2:}, {@code jdbc:postgresql:}, {@code jdbc:mariadb:} or {@code jdbc:mysql:} URL
     * @param user     the user, may be null when the URL carries it
     * @param password the password, may be null; never logged
     * @return a ready store
     * @throws NpsException {@code CONFIGURATION} for an unsupported URL or missing driver, {@code STORE_FAILURE}
     *                      when the database cannot be reached or migrated (the message names the URL without password)
     */
    public static JdbcStore connect(String url, String user, String password) {
        return builder().url(url).user(user).password(password).build();
    }

    /**
     * Uses the application's own data source; {@link #close()} leaves it open.
     *
     * @param dataSource the data source, never null
     * @return a ready store
     * @throws NpsException {@code STORE_FAILURE} when no connection can be had or the migration fails
     */
    public static JdbcStore using(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /** @return a builder for the less common options */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link JdbcStore}; {@link #build()} may be called again. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private boolean migrate = true;
        private String tablePrefix = DEFAULT_TABLE_PREFIX;
        private int poolSize = DEFAULT_POOL_SIZE;
        private int fetchSize = DEFAULT_FETCH_SIZE;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Clock clock = Clock.systemUTC();
        private Path folder;

        private Builder() {}

        /**
         * Uses an embedded H2 database in this folder (the default is {@value #DEFAULT_FOLDER}).
         *
         * @param folder never null
         * @return this builder
         * @throws NpsException {@code CONFIGURATION} when a URL or data source is already set
         */
        public Builder embedded(Path folder) {
            Objects.requireNonNull(folder, "folder");
            requireNoSource("embedded folder");
            this.folder = folder;
            return this;
        }

        /**
         * @param url a JDBC URL; its password, if any, is masked in every message
         * @return this builder
         * @throws NpsException {@code CONFIGURATION} when a data source or folder is already set
         */
        public Builder url(String url) {
            if (url == null || url.isBlank()) {
                throw new NpsException(ErrorCode.CONFIGURATION, "url: must not be blank; use e.g. jdbc:postgresql://host:5432/db");
            }
            requireNoSource("url");
            this.url = url.strip();
            return this;
        }

        /** @param user database user, may be null @return this builder */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** @param password database password, may be null; never logged @return this builder */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * @param dataSource the application's data source; the store never closes it
         * @return this builder
         * @throws NpsException {@code CONFIGURATION} when a URL or folder is already set
         */
        public Builder dataSource(DataSource dataSource) {
            Objects.requireNonNull(dataSource, "dataSource");
            requireNoSource("dataSource");
            this.dataSource = dataSource;
            return this;
        }

        /** @param migrate whether to apply the schema migrations on start (default true) @return this builder */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * @param tablePrefix prefix of every table, view and index: lower-case letters, digits and '_', starting
         *                    with a letter, at most 20 characters, or empty (default {@value #DEFAULT_TABLE_PREFIX})
         * @return this builder
         * @throws NpsException {@code CONFIGURATION} for any other prefix
         */
        public Builder tablePrefix(String tablePrefix) {
            Objects.requireNonNull(tablePrefix, "tablePrefix");
            if (!TABLE_PREFIX.matcher(tablePrefix).matches()) {
                throw new NpsException(ErrorCode.CONFIGURATION, "tablePrefix: must be empty or lower-case letters, digits and '_', "
                        + "starting with a letter, at most 20 characters (e.g. acme_nps_)");
            }
            this.tablePrefix = tablePrefix;
            return this;
        }

        /** @param poolSize connections in the store's own pool, 1..200 (default {@value #DEFAULT_POOL_SIZE}) @return this builder */
        public Builder poolSize(int poolSize) {
            if (poolSize < 1 || poolSize > 200) {
                throw new NpsException(ErrorCode.CONFIGURATION, "poolSize: must be 1..200 (got " + poolSize + ")");
            }
            this.poolSize = poolSize;
            return this;
        }

        /** @param fetchSize rows per round trip while scanning, 1..100000 (default {@value #DEFAULT_FETCH_SIZE}) @return this builder */
        public Builder fetchSize(int fetchSize) {
            if (fetchSize < 1 || fetchSize > 100_000) {
                throw new NpsException(ErrorCode.CONFIGURATION, "fetchSize: must be 1..100000 (got " + fetchSize + ")");
            }
            this.fetchSize = fetchSize;
            return this;
        }

        /** @param batchSize responses per transaction in batch inserts, 1..10000 (default {@value #DEFAULT_BATCH_SIZE}) @return this builder */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new NpsException(ErrorCode.CONFIGURATION, "batchSize: must be 1..10000 (got " + batchSize + ")");
            }
            this.batchSize = batchSize;
            return this;
        }

        /** @param clock the clock for created/edited times (default UTC system clock) @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        private void requireNoSource(String setting) {
            String current = dataSource != null ? "a dataSource" : url != null ? "url " + Redaction.maskUrl(url)
                    : folder != null ? "embedded folder " + folder : null;
            if (current != null) {
                throw new NpsException(ErrorCode.CONFIGURATION, "cannot set " + setting + ": the store already has " + current
                        + "; set exactly one of url, dataSource or embedded folder");
            }
        }

        /**
         * Opens the store: connects, checks the database and applies the migrations unless turned off.
         *
         * @return a ready store
         * @throws NpsException {@code CONFIGURATION} or {@code STORE_FAILURE}, see {@link #connect}
         */
        public JdbcStore build() {
            return open(this);
        }
    }

    private static JdbcStore open(Builder b) {
        if (b.dataSource != null) {
            Dialect dialect;
            String url;
            try (Connection c = b.dataSource.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName();
                url = Redaction.maskUrl(c.getMetaData().getURL());
                dialect = Dialect.forProductName(product).orElseThrow(() -> new NpsException(ErrorCode.CONFIGURATION,
                        "dataSource: " + product + " is not supported; use H2, PostgreSQL, MariaDB or MySQL"));
            } catch (SQLException e) {
                throw new NpsException(ErrorCode.STORE_FAILURE, "cannot get a connection from the application's dataSource: "
                        + Redaction.maskMessage(e.getMessage(), b.password) + " (SQLState " + Dialect.sqlState(e) + ")");
            }
            return finish(b.dataSource, null, dialect, b, dialect.folder() + " " + url + " (application DataSource)");
        }
        String url = b.url != null ? b.url : embeddedUrl(b.folder != null ? b.folder : Path.of(DEFAULT_FOLDER));
        String masked = Redaction.maskUrl(url);
        Dialect dialect = Dialect.forUrl(url).orElseThrow(() -> new NpsException(ErrorCode.CONFIGURATION, "url: " + masked
                + " is not supported; use jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:"));
        requireDriver(url, masked, dialect);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(b.user);
        config.setPassword(b.password);
        config.setMaximumPoolSize(b.poolSize);
        config.setMinimumIdle(Math.min(2, b.poolSize));
        config.setPoolName("nps-store-" + dialect.folder());
        config.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new NpsException(ErrorCode.STORE_FAILURE, "cannot connect to " + masked + ": "
                    + Redaction.maskMessage(root.getMessage(), b.password)
                    + "; check that the database is running and reachable and that the url, user and password are right");
        }
        try {
            return finish(pool, pool, dialect, b, masked);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static JdbcStore finish(DataSource ds, HikariDataSource owned, Dialect dialect, Builder b, String description) {
        JdbcStore store = new JdbcStore(ds, owned, dialect, b, description);
        if (b.migrate) {
            store.migrate();
        } else {
            store.checkSchema();
        }
        LOG.info("NPS store ready: {} (table prefix '{}', migrations {})", description, b.tablePrefix, b.migrate ? "applied" : "off");
        return store;
    }

    private static String embeddedUrl(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NpsException(ErrorCode.STORE_FAILURE, "cannot create the embedded database folder " + dir + " ("
                    + e.getClass().getSimpleName() + "); choose a writable folder with JdbcStore.embedded(Path)");
        }
        return "jdbc:h2:file:" + dir.resolve("nps").toString().replace('\\', '/');
    }

    private static void requireDriver(String url, String masked, Dialect dialect) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            String artifact = switch (dialect) {
                case H2 -> "com.h2database:h2";
                case POSTGRESQL -> "org.postgresql:postgresql";
                case MYSQL -> url.startsWith("jdbc:mysql:") ? "com.mysql:mysql-connector-j" : "org.mariadb.jdbc:mariadb-java-client";
            };
            throw new NpsException(ErrorCode.CONFIGURATION, "url: no JDBC driver for " + masked + " on the class path; add " + artifact);
        }
    }

    private void migrate() {
        try {
            Flyway.configure(JdbcStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrationLocation())
                    .table(tables.history())
                    .placeholders(Map.of("prefix", tables.prefix()))
                    .failOnMissingLocations(true)
                    // The schema usually holds the application's own tables: start our history at version 0 there
                    // so that every one of our migrations still runs.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("nps store history starts here")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new NpsException(ErrorCode.STORE_FAILURE, "schema migration failed on " + description + ": "
                    + Redaction.maskMessage(e.getMessage(), password)
                    + "; the migrations are in nps-store-jdbc under " + dialect.migrationLocation().substring("classpath:".length()));
        }
    }

    private void checkSchema() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + tables.responses() + " WHERE 1 = 0");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
        } catch (SQLException e) {
            throw new NpsException(ErrorCode.STORE_FAILURE, "table " + tables.responses() + " is not readable on " + description
                    + " (SQLState " + Dialect.sqlState(e) + "); migrations are off: apply the SQL in nps-store-jdbc under "
                    + dialect.migrationLocation().substring("classpath:".length()) + " or enable migrate");
        }
    }

    // --- NpsStore ---

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void saveSurvey(Survey survey) {
        Objects.requireNonNull(survey, "survey");
        write("saveSurvey", c -> {
            try (PreparedStatement ps = c.prepareStatement(upsertSurveySql)) {
                int i = 1;
                ps.setString(i++, survey.id());
                ps.setString(i++, survey.question());
                ps.setString(i++, survey.followUp(Category.DETRACTOR).orElse(null));
                ps.setString(i++, survey.followUp(Category.PASSIVE).orElse(null));
                ps.setString(i++, survey.followUp(Category.PROMOTER).orElse(null));
                ps.setString(i++, survey.language().toLanguageTag());
                ps.setString(i++, Codec.channels(survey.channels()));
                ps.setString(i++, Codec.triggers(survey.triggers()));
                ps.setString(i++, survey.throttlePerContact().map(Duration::toString).orElse(null));
                ps.setString(i++, survey.quietHours().map(q -> q.start().toString()).orElse(null));
                ps.setString(i++, survey.quietHours().map(q -> q.end().toString()).orElse(null));
                ps.setString(i++, survey.reminders().delay().toString());
                ps.setInt(i++, survey.reminders().maxReminders());
                ps.setObject(i, now());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Survey> findSurvey(String surveyId) {
        Objects.requireNonNull(surveyId, "surveyId");
        List<Survey> found = surveys(" WHERE id = ?", surveyId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Survey> listSurveys() {
        return surveys(" ORDER BY id", null);
    }

    private List<Survey> surveys(String clause, String param) {
        return lookup("findSurvey", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, question, follow_up_detractor, follow_up_passive,"
                    + " follow_up_promoter, language, channels, triggers, throttle_per_contact, quiet_start, quiet_end,"
                    + " reminder_delay, reminder_max FROM " + tables.surveys() + clause)) {
                if (param != null) {
                    ps.setString(1, param);
                }
                List<Survey> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<Category, String> followUps = new EnumMap<>(Category.class);
                        putIfNotNull(followUps, Category.DETRACTOR, rs.getString(3));
                        putIfNotNull(followUps, Category.PASSIVE, rs.getString(4));
                        putIfNotNull(followUps, Category.PROMOTER, rs.getString(5));
                        String quietStart = rs.getString(10);
                        String quietEnd = rs.getString(11);
                        out.add(new Survey(rs.getString(1), rs.getString(2), followUps, Locale.forLanguageTag(rs.getString(6)),
                                Codec.parseChannels(rs.getString(7)), Codec.parseTriggers(rs.getString(8)),
                                Optional.ofNullable(rs.getString(9)).map(Duration::parse),
                                quietStart == null ? Optional.empty()
                                        : Optional.of(new QuietHours(LocalTime.parse(quietStart), LocalTime.parse(quietEnd))),
                                new ReminderPolicy(Duration.parse(rs.getString(12)), rs.getInt(13))));
                    }
                }
                return out;
            }
        });
    }

    private static <K, V> void putIfNotNull(Map<K, V> map, K key, V value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    @Override
    public void upsertContact(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        write("upsertContact", c -> {
            try (PreparedStatement ps = c.prepareStatement(upsertContactSql)) {
                ps.setString(1, contact.id());
                ps.setString(2, contact.email().orElse(null));
                ps.setString(3, contact.phone().orElse(null));
                ps.setString(4, contact.locale().map(Locale::toLanguageTag).orElse(null));
                ps.setString(5, contact.zone().map(ZoneId::getId).orElse(null));
                ps.setString(6, Codec.sortedChannels(contact.consent()));
                ps.setString(7, Codec.channels(contact.channelPreference()));
                ps.setObject(8, now());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + tables.contactAttributes() + " WHERE contact_id = ?")) {
                ps.setString(1, contact.id());
                ps.executeUpdate();
            }
            if (!contact.attributes().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(insertContactAttributeSql)) {
                    for (Map.Entry<String, String> e : contact.attributes().entrySet()) {
                        ps.setString(1, contact.id());
                        ps.setString(2, e.getKey());
                        ps.setString(3, e.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public List<Contact> findContactsByPhone(String phone) {
        Contact.requirePhone(phone);
        List<String> ids = lookup("findContactsByPhone", c -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + tables.contacts() + " WHERE phone = ? ORDER BY id")) {
                ps.setString(1, phone);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            return found;
        });
        List<Contact> contacts = new ArrayList<>(ids.size());
        for (String id : ids) {
            findContact(id).ifPresent(contacts::add); // erased in between: not found, not an error
        }
        return contacts;
    }

    @Override
    public Optional<Contact> findContact(String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        return lookup("findContact", c -> {
            Contact.Builder b;
            try (PreparedStatement ps = c.prepareStatement("SELECT email, phone, locale, zone, consent, channel_preference FROM "
                    + tables.contacts() + " WHERE id = ?")) {
                ps.setString(1, contactId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    b = contactRow(contactId, rs, 1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT attr_key, attr_value FROM " + tables.contactAttributes()
                    + " WHERE contact_id = ? ORDER BY attr_key")) {
                ps.setString(1, contactId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        b.attribute(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return Optional.of(b.build());
        });
    }

    /** Reads email, phone, locale, zone, consent and channel preference from column {@code first} on. */
    private static Contact.Builder contactRow(String contactId, ResultSet rs, int first) throws SQLException {
        Contact.Builder b = Contact.of(contactId);
        String email = rs.getString(first);
        String phone = rs.getString(first + 1);
        String locale = rs.getString(first + 2);
        String zone = rs.getString(first + 3);
        if (email != null) {
            b.email(email);
        }
        if (phone != null) {
            b.phone(phone);
        }
        if (locale != null) {
            b.locale(Locale.forLanguageTag(locale));
        }
        if (zone != null) {
            b.zone(ZoneId.of(zone));
        }
        // email() and phone() imply consent; the stored consent set is the truth.
        for (ChannelName ch : List.of(ChannelName.EMAIL, ChannelName.SMS)) {
            b.consent(ch, false);
        }
        for (ChannelName ch : Codec.parseChannels(rs.getString(first + 4))) {
            b.consent(ch, true);
        }
        b.preferChannels(Codec.parseChannels(rs.getString(first + 5)));
        return b;
    }

    /** Two queries per {@value InList#CHUNK} contacts (rows, then attributes) instead of two per contact. */
    @Override
    public Map<String, Contact> findContacts(Collection<String> contactIds) {
        List<List<String>> chunks = InList.chunks(contactIds, "contactIds");
        if (chunks.isEmpty()) {
            return Map.of();
        }
        return lookup("findContacts", c -> {
            Map<String, Contact.Builder> builders = new LinkedHashMap<>();
            for (List<String> chunk : chunks) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, email, phone, locale, zone, consent, channel_preference FROM "
                        + tables.contacts() + " WHERE " + InList.in("id", chunk.size()))) {
                    InList.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String id = rs.getString(1);
                            builders.put(id, contactRow(id, rs, 2));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT contact_id, attr_key, attr_value FROM " + tables.contactAttributes()
                        + " WHERE " + InList.in("contact_id", chunk.size()) + " ORDER BY contact_id, attr_key")) {
                    InList.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Contact.Builder b = builders.get(rs.getString(1));
                            if (b != null) { // attributes written after the row read: the contact was created in between
                                b.attribute(rs.getString(2), rs.getString(3));
                            }
                        }
                    }
                }
            }
            Map<String, Contact> out = new HashMap<>();
            builders.forEach((id, b) -> out.put(id, b.build()));
            return out;
        });
    }

    @Override
    public boolean eraseContact(String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        return write("eraseContact", c -> {
            int changed = 0;
            changed += update(c, "DELETE FROM " + tables.responseTags() + " WHERE response_id IN (SELECT id FROM "
                    + tables.responses() + " WHERE contact_id = ?)", contactId);
            changed += update(c, "DELETE FROM " + tables.responseAttributes() + " WHERE response_id IN (SELECT id FROM "
                    + tables.responses() + " WHERE contact_id = ?)", contactId);
            // Scores, survey, channel and time stay so that counts still add up; nothing left points at the person.
            changed += update(c, "UPDATE " + tables.responses() + " SET comment = NULL, contact_id = NULL, edited_at = ? WHERE contact_id = ?",
                    now(), contactId);
            changed += update(c, "DELETE FROM " + tables.contactAttributes() + " WHERE contact_id = ?", contactId);
            changed += update(c, "DELETE FROM " + tables.contacts() + " WHERE id = ?", contactId);
            return changed > 0;
        });
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    @Override
    public InsertResult insertResponse(Response response) {
        Objects.requireNonNull(response, "response");
        return insertEach(List.of(response)).get(0);
    }

    /**
     * Writes the responses in transactions of {@link Builder#batchSize(int)} rows with JDBC batches. A batch that
     * hits a duplicate id or an answered invitation is rolled back and its rows are inserted one by one, so every
     * response gets the same result as from {@link #insertResponse(Response)}.
     */
    @Override
    public List<InsertResult> insertResponses(List<Response> responses) {
        Objects.requireNonNull(responses, "responses");
        for (int i = 0; i < responses.size(); i++) {
            if (responses.get(i) == null) {
                throw NpsException.invalid("responses[" + i + "]", "must not be null");
            }
        }
        List<InsertResult> results = new ArrayList<>(responses.size());
        for (int from = 0; from < responses.size(); from += batchSize) {
            List<Response> chunk = responses.subList(from, Math.min(responses.size(), from + batchSize));
            boolean inserted = write("insertResponses", c -> {
                try {
                    insertRows(c, chunk);
                    return true;
                } catch (SQLException e) {
                    if (dialect.isUniqueViolation(e)) {
                        c.rollback();
                        return false;
                    }
                    throw e;
                }
            });
            if (inserted) {
                chunk.forEach(r -> results.add(new InsertResult(InsertResult.Status.INSERTED, r)));
            } else {
                results.addAll(insertEach(chunk));
            }
        }
        return results;
    }

    private List<InsertResult> insertEach(List<Response> rows) {
        List<InsertResult> results = new ArrayList<>(rows.size());
        for (Response r : rows) {
            results.add(insertOne(r));
        }
        return results;
    }

    private InsertResult insertOne(Response response) {
        for (int attempt = 1; attempt <= INSERT_ATTEMPTS; attempt++) {
            InsertResult result = write("insertResponse", c -> {
                try {
                    insertRows(c, List.of(response));
                    return new InsertResult(InsertResult.Status.INSERTED, response);
                } catch (SQLException e) {
                    if (!dialect.isUniqueViolation(e)) {
                        throw e;
                    }
                    // The constraint decided; now look at what won. The failed transaction must end first.
                    c.rollback();
                }
                Optional<Response> sameId = loadResponse(c, "r.id = ?", response.id());
                if (sameId.isPresent()) {
                    return new InsertResult(InsertResult.Status.SAME_ID_EXISTS, sameId.get());
                }
                if (response.invitationId().isPresent()) {
                    Optional<Response> answered = loadResponse(c, "r.invitation_id = ?", response.invitationId().get());
                    if (answered.isPresent()) {
                        return new InsertResult(InsertResult.Status.INVITATION_ANSWERED, answered.get());
                    }
                }
                return null; // the conflicting writer rolled back: try again
            });
            if (result != null) {
                return result;
            }
        }
        throw new NpsException(ErrorCode.STORE_FAILURE, "insertResponse failed on " + description + ": response " + response.id()
                + " kept conflicting with writes that then rolled back (" + INSERT_ATTEMPTS + " attempts); retry");
    }

    private void insertRows(Connection c, List<Response> rows) throws SQLException {
        LocalDateTime created = now();
        boolean anyAttributes = false;
        try (PreparedStatement ps = c.prepareStatement(insertResponseSql)) {
            for (Response r : rows) {
                ps.setString(1, r.id());
                ps.setString(2, r.surveyId());
                ps.setString(3, r.contactId().orElse(null));
                ps.setString(4, r.invitationId().orElse(null));
                ps.setInt(5, r.score().value());
                ps.setString(6, r.comment().orElse(null));
                ps.setString(7, r.channel().value());
                ps.setLong(8, r.answeredAt().getEpochSecond());
                ps.setInt(9, r.answeredAt().getNano());
                ps.setObject(10, created);
                anyAttributes |= !r.attributes().isEmpty();
                if (rows.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (rows.size() > 1) {
                ps.executeBatch();
            }
        }
        if (anyAttributes) {
            try (PreparedStatement ps = c.prepareStatement(insertResponseAttributeSql)) {
                for (Response r : rows) {
                    for (Map.Entry<String, String> e : r.attributes().entrySet()) {
                        ps.setString(1, r.id());
                        ps.setString(2, e.getKey());
                        ps.setString(3, e.getValue());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }

    @Override
    public Response updateResponse(String responseId, Score score, Optional<String> comment) {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(comment, "comment");
        return write("updateResponse", c -> {
            Response current = loadResponse(c, "r.id = ? FOR UPDATE", responseId).orElseThrow(() -> new NpsException(
                    ErrorCode.NOT_FOUND, "response " + responseId + " does not exist; record it before editing it"));
            Response edited = current.withAnswer(score, comment);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + tables.responses()
                    + " SET score = ?, comment = ?, edited_at = ? WHERE id = ?")) {
                ps.setInt(1, edited.score().value());
                ps.setString(2, edited.comment().orElse(null));
                ps.setObject(3, now());
                ps.setString(4, responseId);
                ps.executeUpdate();
            }
            return edited;
        });
    }

    @Override
    public Optional<Response> findResponse(String responseId) {
        Objects.requireNonNull(responseId, "responseId");
        return lookup("findResponse", c -> loadResponse(c, "r.id = ?", responseId));
    }

    @Override
    public Optional<Response> findResponseByInvitation(String invitationId) {
        Objects.requireNonNull(invitationId, "invitationId");
        return lookup("findResponseByInvitation", c -> loadResponse(c, "r.invitation_id = ?", invitationId));
    }

    @Override
    public Set<String> findAnsweredInvitations(Collection<String> invitationIds) {
        List<List<String>> chunks = InList.chunks(invitationIds, "invitationIds");
        if (chunks.isEmpty()) {
            return Set.of();
        }
        return lookup("findAnsweredInvitations", c -> {
            Set<String> out = new HashSet<>();
            for (List<String> chunk : chunks) {
                try (PreparedStatement ps = c.prepareStatement("SELECT invitation_id FROM " + tables.responses()
                        + " WHERE " + InList.in("invitation_id", chunk.size()))) {
                    InList.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                }
            }
            return out;
        });
    }

    private Optional<Response> loadResponse(Connection c, String condition, String param) throws SQLException {
        List<Response> rows = loadResponses(c, "SELECT " + RESPONSE_COLUMNS + " FROM " + tables.responses() + " r WHERE " + condition,
                ps -> ps.setString(1, param));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Runs a query selecting {@link #RESPONSE_COLUMNS} and attaches the attributes of the rows found. */
    private List<Response> loadResponses(Connection c, String sql, Binder binder) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getLong(8), rs.getInt(9)});
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> attributes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT response_id, attr_key, attr_value FROM " + tables.responseAttributes()
                + " WHERE response_id IN (" + ResponseQuery.placeholders(rows.size()) + ") ORDER BY response_id, attr_key")) {
            for (int i = 0; i < rows.size(); i++) {
                ps.setString(i + 1, (String) rows.get(i)[0]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attributes.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        List<Response> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new Response((String) row[0], (String) row[1], Optional.ofNullable((String) row[2]),
                    Optional.ofNullable((String) row[3]), Score.of((Integer) row[4]), Optional.ofNullable((String) row[5]),
                    new ChannelName((String) row[6]), Instant.ofEpochSecond((Long) row[7], (Integer) row[8]),
                    attributes.getOrDefault((String) row[0], Map.of())));
        }
        return out;
    }

    @Override
    public Page<Response> findResponses(ResponseFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        ResponseQuery q = ResponseQuery.of(tables, filter, List.of());
        return read("findResponses", c -> {
            long total = count(c, q);
            if (total == 0 || page.offset() >= total) {
                return new Page<>(List.of(), page, total);
            }
            List<Response> items = loadResponses(c, "SELECT " + RESPONSE_COLUMNS + q.fromWhere()
                    + " ORDER BY r.answered_at_s DESC, r.answered_at_ns DESC, r.id ASC LIMIT ? OFFSET ?", ps -> {
                        int i = q.bind(ps);
                        ps.setInt(i++, page.limit());
                        ps.setInt(i, page.offset());
                    });
            return new Page<>(items, page, total);
        });
    }

    @Override
    public long countResponses(ResponseFilter filter) {
        Objects.requireNonNull(filter, "filter");
        ResponseQuery q = ResponseQuery.of(tables, filter, List.of());
        return read("countResponses", c -> count(c, q));
    }

    private static long count(Connection c, ResponseQuery q) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + q.fromWhere())) {
            q.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Streams score, answered-at second and group values through a forward-only cursor ({@link Builder#fetchSize(int)}
     * rows per round trip). Group values come from joins on the attribute tables: the response's attribute, else
     * the contact's.
     */
    @Override
    public void scan(ResponseFilter filter, List<String> groupKeys, ScoreRowVisitor visitor) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(groupKeys, "groupKeys");
        Objects.requireNonNull(visitor, "visitor");
        for (int i = 0; i < groupKeys.size(); i++) {
            String key = groupKeys.get(i);
            if (!ResponseQuery.CHANNEL_KEY.equals(key) && !ResponseQuery.SURVEY_KEY.equals(key)) {
                dev.nps.api.internal.Checks.attributeKey(key, "groupKeys[" + i + "]");
            }
        }
        ResponseQuery q = ResponseQuery.of(tables, filter, groupKeys);
        StringBuilder sql = new StringBuilder("SELECT r.score, r.answered_at_s");
        for (String column : q.groupColumns()) {
            sql.append(", ").append(column);
        }
        sql.append(q.fromWhere());
        int groups = groupKeys.size();
        // A cursor needs an open transaction on PostgreSQL; read() keeps one for the whole scan.
        read("scan", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(fetchSize);
                q.bind(ps);
                String[] values = new String[groups];
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int g = 0; g < groups; g++) {
                            String v = rs.getString(3 + g);
                            values[g] = v == null ? "" : v;
                        }
                        visitor.accept(rs.getInt(1), rs.getLong(2), values);
                    }
                }
            }
            return null;
        });
    }

    // --- AlertStorage: alert outbox, cases, alert state (see JdbcAlertOutbox, JdbcCaseStore, JdbcAlertState) ---

    @Override
    public AlertOutbox alertOutbox() {
        return alertOutbox;
    }

    @Override
    public CaseStore caseStore() {
        return caseStore;
    }

    @Override
    public AlertState alertState() {
        return alertState;
    }

    // --- WorkflowStorage: response tags and sequences (see JdbcResponseTags, JdbcSequences) ---

    @Override
    public ResponseTags responseTags() {
        return responseTags;
    }

    @Override
    public Sequences sequences() {
        return sequences;
    }

    // --- DispatchStore: the durable outbox (see JdbcOutbox) ---

    @Override
    public InvitationInsert insertInvitation(Invitation invitation, Optional<FatigueGuard> guard) {
        return outbox.insertInvitation(invitation, guard);
    }

    @Override
    public Optional<Invitation> findInvitation(String invitationId) {
        return outbox.findInvitation(invitationId);
    }

    @Override
    public Optional<Invitation> findInvitationByKey(String idempotencyKey) {
        return outbox.findInvitationByKey(idempotencyKey);
    }

    @Override
    public List<Invitation> findInvitationsByContact(String contactId) {
        return outbox.findInvitationsByContact(contactId);
    }

    @Override
    public List<Invitation> findInvitations(InvitationStatus status, int limit) {
        return outbox.findInvitations(status, limit);
    }

    @Override
    public long countInvitations(InvitationStatus status) {
        return outbox.countInvitations(status);
    }

    /**
     * Claims due rows: {@code FOR UPDATE SKIP LOCKED} in one short transaction on PostgreSQL and MariaDB/MySQL, an
     * unlocked candidate read followed by conditional updates on each row's fence on H2.
     */
    @Override
    public List<Invitation> claimDue(Instant now, String owner, Duration lease, int limit, Set<ChannelName> excludedChannels) {
        return outbox.claimDue(now, owner, lease, limit, excludedChannels);
    }

    @Override
    public boolean updateClaimed(Invitation updated, long fence) {
        return outbox.updateClaimed(updated, fence);
    }

    @Override
    public List<Boolean> updateClaimedAll(List<Invitation> updated) {
        return outbox.updateClaimedAll(updated);
    }

    @Override
    public Map<String, List<Invitation>> findSentInvitationsByContacts(Collection<String> contactIds, Instant sentSince) {
        return outbox.findSentInvitationsByContacts(contactIds, sentSince);
    }

    @Override
    public boolean requeue(String invitationId, Instant dueAt) {
        return outbox.requeue(invitationId, dueAt);
    }

    @Override
    public List<Invitation> findRemindersDue(Instant now, int limit) {
        return outbox.findRemindersDue(now, limit);
    }

    @Override
    public void clearNextReminder(String invitationId) {
        outbox.clearNextReminder(invitationId);
    }

    @Override
    public void recordSkip(InvitationSkip skip) {
        outbox.recordSkip(skip);
    }

    @Override
    public void recordSkips(List<InvitationSkip> skips) {
        outbox.recordSkips(skips);
    }

    @Override
    public List<InvitationSkip> findSkips(String contactId) {
        return outbox.findSkips(contactId);
    }

    @Override
    public List<InvitationSkip> recentSkips(int limit) {
        return outbox.recentSkips(limit);
    }

    @Override
    public void suppress(Suppression suppression) {
        outbox.suppress(suppression);
    }

    @Override
    public boolean unsuppress(String address) {
        return outbox.unsuppress(address);
    }

    @Override
    public Optional<Suppression> findSuppression(String address) {
        return outbox.findSuppression(address);
    }

    @Override
    public Map<String, Suppression> findSuppressions(Collection<String> addresses) {
        return outbox.findSuppressions(addresses);
    }

    @Override
    public void unsubscribe(Unsubscribe unsubscribe) {
        outbox.unsubscribe(unsubscribe);
    }

    @Override
    public boolean resubscribe(String contactId, Optional<String> surveyId) {
        return outbox.resubscribe(contactId, surveyId);
    }

    @Override
    public List<Unsubscribe> findUnsubscribes(String contactId) {
        return outbox.findUnsubscribes(contactId);
    }

    @Override
    public Map<String, List<Unsubscribe>> findUnsubscribesByContacts(Collection<String> contactIds) {
        return outbox.findUnsubscribesByContacts(contactIds);
    }

    @Override
    public void saveToken(ResponseToken token) {
        outbox.saveToken(token);
    }

    @Override
    public Optional<ResponseToken> findToken(String hash) {
        return outbox.findToken(hash);
    }

    /** Closes the pool the store opened; a data source given by the application stays open. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownedPool != null) {
            ownedPool.close();
        }
        LOG.debug("NPS store closed: {}", description);
    }

    @Override
    public String toString() {
        return "JdbcStore[" + description + "]";
    }

    // --- transactions and failures ---

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private <T> T write(String operation, Work<T> work) {
        return transaction(operation, work, false, false);
    }

    private <T> T read(String operation, Work<T> work) {
        return transaction(operation, work, true, false);
    }

    /**
     * Runs a small lookup (a row and its attributes). On H2 and PostgreSQL, whose READ COMMITTED gives every
     * statement its own snapshot even inside a transaction, it runs in autocommit and so saves the transaction's
     * round trips (the dispatcher makes several lookups per message); on MariaDB/MySQL, whose REPEATABLE READ
     * keeps one snapshot per transaction, it stays a read transaction.
     */
    private <T> T lookup(String operation, Work<T> work) {
        return dialect == Dialect.MYSQL ? read(operation, work) : single(operation, work);
    }

    /** Runs a write in one READ COMMITTED transaction (MariaDB/MySQL default to REPEATABLE READ, with gap locks). */
    <T> T writeReadCommitted(String operation, Work<T> work) {
        return transaction(operation, work, false, true);
    }

    /**
     * Runs one statement in autocommit mode: it is atomic on its own, and saves the round trips of an explicit
     * transaction on the dispatcher's hot path.
     */
    <T> T single(String operation, Work<T> work) {
        if (closed) {
            throw new NpsException(ErrorCode.CLOSED, "the store " + description + " is closed");
        }
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw failure(operation, e, true);
        }
    }

    /**
     * Runs the work in one transaction: committed when it returns, rolled back when anything is thrown. A write
     * the database aborted as a deadlock or serialization victim is run again (it was rolled back whole); reads
     * are not, since a scan may already have handed rows to its visitor.
     */
    private <T> T transaction(String operation, Work<T> work, boolean readOnly, boolean readCommitted) {
        for (int attempt = 1; ; attempt++) {
            if (closed) {
                throw new NpsException(ErrorCode.CLOSED, "the store " + description + " is closed");
            }
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                if (autoCommit) {
                    c.setAutoCommit(false);
                }
                int isolation = c.getTransactionIsolation();
                boolean changeIsolation = readCommitted && isolation != Connection.TRANSACTION_READ_COMMITTED;
                if (changeIsolation) {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    rollbackQuietly(c);
                    throw e;
                } finally {
                    if (changeIsolation) {
                        restoreIsolation(c, isolation);
                    }
                    if (autoCommit) {
                        restoreAutoCommit(c);
                    }
                }
            } catch (SQLException e) {
                if (!readOnly && attempt < TRANSIENT_ATTEMPTS && Dialect.isTransientConflict(e)) {
                    LOG.debug("{} was chosen as a deadlock or serialization victim (SQLState {}); running it again",
                            operation, Dialect.sqlState(e));
                    continue;
                }
                throw failure(operation, e, !readOnly);
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the server rolls back what it had. The pool discards the connection.
        }
    }

    private static void restoreIsolation(Connection c, int isolation) {
        try {
            c.setTransactionIsolation(isolation);
        } catch (SQLException ignored) {
            // A broken connection: the pool will evict it.
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // A broken connection: the pool will evict it.
        }
    }

    /** Builds the exception for a failed operation without any stored value or password in it. */
    private NpsException failure(String operation, SQLException e, boolean write) {
        String state = Dialect.sqlState(e);
        String message;
        if (Dialect.isConnectionFailure(e)) {
            message = operation + " failed on " + description + ": the connection was lost (SQLState " + state + ": "
                    + Redaction.maskMessage(e.getMessage(), password) + ")" + (write ? "; the transaction was rolled back, retry" : "; retry");
        } else if (state.startsWith("22") || state.equals("HY000") && e.getErrorCode() == 1366) {
            message = operation + " failed on " + description + ": the database cannot store a value as given (SQLState " + state
                    + ", vendor code " + e.getErrorCode() + "); nothing was written"
                    + (dialect == Dialect.MYSQL ? ". On MariaDB/MySQL check that the tables and the connection use utf8mb4" : "");
        } else {
            message = operation + " failed on " + description + " (SQLState " + state + ", vendor code " + e.getErrorCode() + ")"
                    + (write ? "; nothing was written" : "");
        }
        // Driver messages can quote stored values (comments, emails): keep the trace, drop the text.
        SQLException cause = new SQLException(e.getClass().getName() + " (message withheld: it may quote stored values)",
                e.getSQLState(), e.getErrorCode());
        cause.setStackTrace(e.getStackTrace());
        return new NpsException(ErrorCode.STORE_FAILURE, message, cause);
    }
}
