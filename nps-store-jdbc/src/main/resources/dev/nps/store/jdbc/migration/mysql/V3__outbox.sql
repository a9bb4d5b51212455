-- NPS store, version 3: the dispatch outbox (invitations) and the rule state the pipeline needs.
-- ${prefix} is the configured table prefix (default nps_). Instants are UTC, written from the engine's clock
-- (never the database's), to the microsecond. Tables are utf8mb4 with the binary collation, as in version 1.

CREATE TABLE ${prefix}invitations (
    id               VARCHAR(200) NOT NULL,
    root_id          VARCHAR(200) NOT NULL,
    idempotency_key  VARCHAR(400) NOT NULL,
    survey_id        VARCHAR(200) NOT NULL,
    contact_id       VARCHAR(200) NOT NULL,
    channel          VARCHAR(64) NOT NULL,
    reminder         INTEGER NOT NULL,
    source           VARCHAR(1000) NOT NULL,
    status           VARCHAR(16) NOT NULL,
    created_at       DATETIME(6) NOT NULL,
    due_at           DATETIME(6) NOT NULL,
    attempts         INTEGER NOT NULL,
    lease_owner      VARCHAR(200),
    lease_until      DATETIME(6),
    fence            BIGINT NOT NULL,
    recovered_claims INTEGER NOT NULL,
    last_outcome     VARCHAR(2000),
    sent_at          DATETIME(6),
    next_reminder_at DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT ${prefix}invitations_key_uq UNIQUE (idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ${prefix}invitations_due ON ${prefix}invitations (status, due_at, id);
CREATE INDEX ${prefix}invitations_lease ON ${prefix}invitations (status, lease_until, id);
CREATE INDEX ${prefix}invitations_contact ON ${prefix}invitations (contact_id, created_at);
CREATE INDEX ${prefix}invitations_reminder ON ${prefix}invitations (next_reminder_at);

-- One row per contact that ever had a guarded insert: locked FOR UPDATE so that one writer per contact
-- checks the fatigue window and inserts, across every application instance.
CREATE TABLE ${prefix}contact_locks (
    contact_id VARCHAR(200) NOT NULL,
    PRIMARY KEY (contact_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}invitation_skips (
    seq           BIGINT NOT NULL AUTO_INCREMENT,
    invitation_id VARCHAR(200) NOT NULL,
    survey_id     VARCHAR(200) NOT NULL,
    contact_id    VARCHAR(200) NOT NULL,
    reason        VARCHAR(32) NOT NULL,
    detail        VARCHAR(2000) NOT NULL,
    stage         VARCHAR(16) NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ${prefix}invitation_skips_contact ON ${prefix}invitation_skips (contact_id, seq);

CREATE TABLE ${prefix}suppressions (
    address    VARCHAR(320) NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (address)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- survey_id '*' means every survey.
CREATE TABLE ${prefix}unsubscribes (
    contact_id VARCHAR(200) NOT NULL,
    survey_id  VARCHAR(200) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (contact_id, survey_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Only the SHA-256 of a response-link token is stored, never the token.
CREATE TABLE ${prefix}response_tokens (
    token_hash    CHAR(64) NOT NULL,
    invitation_id VARCHAR(200) NOT NULL,
    survey_id     VARCHAR(200) NOT NULL,
    contact_id    VARCHAR(200) NOT NULL,
    expires_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
