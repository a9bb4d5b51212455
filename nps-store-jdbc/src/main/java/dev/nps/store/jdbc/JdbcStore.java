package dev.nps.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
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

    // The rooms this façade delegates to; each owns its tables and SQL.
    private final HikariDataSource ownedPool;
    private final JdbcTransactions tx;
    private final JdbcSurveys surveys;
    private final JdbcContacts contacts;
    private final JdbcErasure erasure;
    private final JdbcResponseQueries responseQueries;
    private final JdbcResponses responses;
    private final JdbcOutbox outbox;
    private final JdbcSkips skipRecords;
    private final JdbcOptOuts optOuts;
    private final JdbcResponseTokens responseTokens;
    private final JdbcAlertOutbox alertOutbox;
    private final JdbcCaseStore caseStore;
    private final JdbcAlertState alertState;
    private final JdbcResponseTags responseTags;
    private final JdbcSequences sequences;

    /** Wires the rooms; touches no database (see {@link JdbcBootstrap}, which opens and migrates). */
    JdbcStore(DataSource dataSource, HikariDataSource ownedPool, Dialect dialect, Builder b, String description) {
        Tables tables = new Tables(b.tablePrefix);
        this.ownedPool = ownedPool;
        this.tx = new JdbcTransactions(dataSource, dialect, b.clock, description, b.password);
        this.surveys = new JdbcSurveys(tx, dialect, tables);
        this.contacts = new JdbcContacts(tx, dialect, tables);
        this.erasure = new JdbcErasure(tx, tables);
        this.responseQueries = new JdbcResponseQueries(tx, tables, b.fetchSize);
        this.responses = new JdbcResponses(tx, dialect, tables, responseQueries, b.batchSize);
        this.outbox = new JdbcOutbox(tx, dialect, b.tablePrefix);
        this.skipRecords = new JdbcSkips(tx, b.tablePrefix);
        this.optOuts = new JdbcOptOuts(tx, dialect, b.tablePrefix);
        this.responseTokens = new JdbcResponseTokens(tx, dialect, b.tablePrefix);
        this.alertOutbox = new JdbcAlertOutbox(tx, dialect, b.tablePrefix);
        this.caseStore = new JdbcCaseStore(tx, dialect, b.tablePrefix);
        this.alertState = new JdbcAlertState(tx, dialect, b.tablePrefix);
        this.responseTags = new JdbcResponseTags(tx, dialect, b.clock, b.tablePrefix);
        this.sequences = new JdbcSequences(tx, dialect, b.tablePrefix);
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
        // Package-private: JdbcBootstrap reads them when it opens the store.
        String url;
        String user;
        String password;
        DataSource dataSource;
        boolean migrate = true;
        String tablePrefix = DEFAULT_TABLE_PREFIX;
        int poolSize = DEFAULT_POOL_SIZE;
        int fetchSize = DEFAULT_FETCH_SIZE;
        int batchSize = DEFAULT_BATCH_SIZE;
        Clock clock = Clock.systemUTC();
        Path folder;

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
            return JdbcBootstrap.open(this);
        }
    }

    // --- NpsStore: surveys, contacts, erasure, responses (see JdbcSurveys, JdbcContacts, JdbcErasure, JdbcResponses,
    // JdbcResponseQueries) ---

    @Override
    public String describe() {
        return tx.description();
    }

    @Override
    public void saveSurvey(Survey survey) {
        surveys.saveSurvey(survey);
    }

    @Override
    public Optional<Survey> findSurvey(String surveyId) {
        return surveys.findSurvey(surveyId);
    }

    @Override
    public List<Survey> listSurveys() {
        return surveys.listSurveys();
    }

    @Override
    public void upsertContact(Contact contact) {
        contacts.upsertContact(contact);
    }

    @Override
    public List<Contact> findContactsByPhone(String phone) {
        return contacts.findContactsByPhone(phone);
    }

    @Override
    public Optional<Contact> findContact(String contactId) {
        return contacts.findContact(contactId);
    }

    /** Two queries per {@value InList#CHUNK} contacts (rows, then attributes) instead of two per contact. */
    @Override
    public Map<String, Contact> findContacts(Collection<String> contactIds) {
        return contacts.findContacts(contactIds);
    }

    @Override
    public boolean eraseContact(String contactId) {
        return erasure.eraseContact(contactId);
    }

    @Override
    public InsertResult insertResponse(Response response) {
        return responses.insertResponse(response);
    }

    /**
     * Writes the responses in transactions of {@link Builder#batchSize(int)} rows with JDBC batches. A batch that
     * hits a duplicate id or an answered invitation is rolled back and its rows are inserted one by one, so every
     * response gets the same result as from {@link #insertResponse(Response)}.
     */
    @Override
    public List<InsertResult> insertResponses(List<Response> responses) {
        return this.responses.insertResponses(responses);
    }

    @Override
    public Response updateResponse(String responseId, Score score, Optional<String> comment) {
        return responses.updateResponse(responseId, score, comment);
    }

    @Override
    public Optional<Response> findResponse(String responseId) {
        return responseQueries.findResponse(responseId);
    }

    @Override
    public Optional<Response> findResponseByInvitation(String invitationId) {
        return responseQueries.findResponseByInvitation(invitationId);
    }

    @Override
    public Set<String> findAnsweredInvitations(Collection<String> invitationIds) {
        return responseQueries.findAnsweredInvitations(invitationIds);
    }

    @Override
    public Page<Response> findResponses(ResponseFilter filter, PageRequest page) {
        return responseQueries.findResponses(filter, page);
    }

    @Override
    public long countResponses(ResponseFilter filter) {
        return responseQueries.countResponses(filter);
    }

    /**
     * Streams score, answered-at second and group values through a forward-only cursor ({@link Builder#fetchSize(int)}
     * rows per round trip). Group values come from joins on the attribute tables: the response's attribute, else
     * the contact's.
     */
    @Override
    public void scan(ResponseFilter filter, List<String> groupKeys, ScoreRowVisitor visitor) {
        responseQueries.scan(filter, groupKeys, visitor);
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
        skipRecords.recordSkip(skip);
    }

    @Override
    public void recordSkips(List<InvitationSkip> skips) {
        skipRecords.recordSkips(skips);
    }

    @Override
    public List<InvitationSkip> findSkips(String contactId) {
        return skipRecords.findSkips(contactId);
    }

    @Override
    public List<InvitationSkip> recentSkips(int limit) {
        return skipRecords.recentSkips(limit);
    }

    @Override
    public void suppress(Suppression suppression) {
        optOuts.suppress(suppression);
    }

    @Override
    public boolean unsuppress(String address) {
        return optOuts.unsuppress(address);
    }

    @Override
    public Optional<Suppression> findSuppression(String address) {
        return optOuts.findSuppression(address);
    }

    @Override
    public Map<String, Suppression> findSuppressions(Collection<String> addresses) {
        return optOuts.findSuppressions(addresses);
    }

    @Override
    public void unsubscribe(Unsubscribe unsubscribe) {
        optOuts.unsubscribe(unsubscribe);
    }

    @Override
    public boolean resubscribe(String contactId, Optional<String> surveyId) {
        return optOuts.resubscribe(contactId, surveyId);
    }

    @Override
    public List<Unsubscribe> findUnsubscribes(String contactId) {
        return optOuts.findUnsubscribes(contactId);
    }

    @Override
    public Map<String, List<Unsubscribe>> findUnsubscribesByContacts(Collection<String> contactIds) {
        return optOuts.findUnsubscribesByContacts(contactIds);
    }

    @Override
    public void saveToken(ResponseToken token) {
        responseTokens.saveToken(token);
    }

    @Override
    public Optional<ResponseToken> findToken(String hash) {
        return responseTokens.findToken(hash);
    }

    /** Closes the pool the store opened; a data source given by the application stays open. */
    @Override
    public void close() {
        if (!tx.close()) {
            return;
        }
        if (ownedPool != null) {
            ownedPool.close();
        }
        LOG.debug("NPS store closed: {}", tx.description());
    }

    @Override
    public String toString() {
        return "JdbcStore[" + tx.description() + "]";
    }
}
