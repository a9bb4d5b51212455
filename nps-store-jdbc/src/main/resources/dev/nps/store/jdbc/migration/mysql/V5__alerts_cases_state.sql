-- NPS store, version 5: what acting on feedback needs across restarts and instances: the alert outbox (alerts,
-- outgoing events and CRM write-backs waiting for delivery), follow-up cases with their history, and the alert
-- state (raised alert keys and per rule and segment cool-downs). ${prefix} is the configured table prefix.
-- Instants are UTC from the engine's clock, to the microsecond. Tables are utf8mb4 with the binary collation, as in version 1.

-- A claimed entry stays PENDING with next_attempt_at at its lease's end; fence grows with every claim and
-- requeue, and outcomes are written only under the current fence.
CREATE TABLE ${prefix}alert_outbox (
    id              VARCHAR(600) NOT NULL,
    target          VARCHAR(300) NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    payload         MEDIUMTEXT NOT NULL,
    state           VARCHAR(16) NOT NULL,
    attempts        INTEGER NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    next_attempt_at DATETIME(6) NOT NULL,
    fence           BIGINT NOT NULL,
    last_error      VARCHAR(2000),
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ${prefix}alert_outbox_due ON ${prefix}alert_outbox (state, next_attempt_at, id);
CREATE INDEX ${prefix}alert_outbox_created ON ${prefix}alert_outbox (state, created_at, id);

-- seq keeps the insertion order of cases opened at the same instant.
CREATE TABLE ${prefix}cases (
    id               VARCHAR(200) NOT NULL,
    response_id      VARCHAR(200) NOT NULL,
    survey_id        VARCHAR(200) NOT NULL,
    contact_id       VARCHAR(200),
    score            INTEGER NOT NULL,
    case_owner       VARCHAR(320) NOT NULL,
    status           VARCHAR(16) NOT NULL,
    opened_at        DATETIME(6) NOT NULL,
    due_at           DATETIME(6) NOT NULL,
    first_contact_at DATETIME(6),
    closed_at        DATETIME(6),
    version          BIGINT NOT NULL,
    seq              BIGINT NOT NULL AUTO_INCREMENT,
    PRIMARY KEY (id),
    CONSTRAINT ${prefix}cases_response_uq UNIQUE (response_id),
    CONSTRAINT ${prefix}cases_seq_uq UNIQUE (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ${prefix}cases_opened ON ${prefix}cases (opened_at, seq);

-- The history only grows: seq is the event's index in it.
CREATE TABLE ${prefix}case_events (
    case_id  VARCHAR(200) NOT NULL,
    seq      INTEGER NOT NULL,
    event_at DATETIME(6) NOT NULL,
    actor    VARCHAR(200) NOT NULL,
    action   VARCHAR(64) NOT NULL,
    status   VARCHAR(16) NOT NULL,
    note     MEDIUMTEXT,
    PRIMARY KEY (case_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Keys are SHA-256 (hex) of the alert key and of rule id + segment, so any length fits one index.
CREATE TABLE ${prefix}alert_keys (
    key_hash  CHAR(64) NOT NULL,
    rule_id   VARCHAR(200) NOT NULL,
    raised_at DATETIME(6) NOT NULL,
    PRIMARY KEY (key_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ${prefix}alert_keys_raised ON ${prefix}alert_keys (raised_at);

-- A row is also the lock that makes one admission per rule and segment at a time; last_raised_at is NULL until
-- the rule first raised there.
CREATE TABLE ${prefix}alert_cooldowns (
    key_hash       CHAR(64) NOT NULL,
    rule_id        VARCHAR(200) NOT NULL,
    last_raised_at DATETIME(6),
    PRIMARY KEY (key_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ${prefix}alert_cooldowns_raised ON ${prefix}alert_cooldowns (last_raised_at);
