-- NPS store, version 1: surveys, contacts, responses and their attributes (MariaDB 10.6+ and MySQL 8).
-- ${prefix} is the configured table prefix (default nps_). Instants are UTC.
-- Every table is utf8mb4 (4-byte characters such as emoji) with the binary collation, so that identifiers
-- are case-sensitive and unique byte for byte, as in Java.

CREATE TABLE ${prefix}surveys (
    id                   VARCHAR(200) NOT NULL,
    question             VARCHAR(500) NOT NULL,
    follow_up_detractor  VARCHAR(500),
    follow_up_passive    VARCHAR(500),
    follow_up_promoter   VARCHAR(500),
    language             VARCHAR(100) NOT NULL,
    channels             VARCHAR(2000) NOT NULL,
    triggers             MEDIUMTEXT NOT NULL,
    throttle_per_contact VARCHAR(64),
    quiet_start          VARCHAR(32),
    quiet_end            VARCHAR(32),
    reminder_delay       VARCHAR(64) NOT NULL,
    reminder_max         INTEGER NOT NULL,
    updated_at           DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}contacts (
    id                 VARCHAR(200) NOT NULL,
    email              VARCHAR(254),
    phone              VARCHAR(16),
    locale             VARCHAR(100),
    zone               VARCHAR(100),
    consent            VARCHAR(2000) NOT NULL,
    channel_preference VARCHAR(2000) NOT NULL,
    updated_at         DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}contact_attributes (
    contact_id VARCHAR(200) NOT NULL,
    attr_key   VARCHAR(64) NOT NULL,
    attr_value VARCHAR(1000) NOT NULL,
    PRIMARY KEY (contact_id, attr_key),
    -- InnoDB keys are at most 3072 bytes: index the first 191 characters of the value.
    INDEX ${prefix}contact_attributes_key_value (attr_key, attr_value(191)),
    CONSTRAINT ${prefix}contact_attributes_contact_fk FOREIGN KEY (contact_id) REFERENCES ${prefix}contacts (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per response. answered_at is kept exactly as epoch seconds plus nanoseconds (fast to scan and
-- compare on every database); the views present it as a timestamp.
CREATE TABLE ${prefix}responses (
    id             VARCHAR(200) NOT NULL,
    survey_id      VARCHAR(200) NOT NULL,
    contact_id     VARCHAR(200),
    invitation_id  VARCHAR(200),
    score          SMALLINT NOT NULL,
    comment        MEDIUMTEXT,
    channel        VARCHAR(32) NOT NULL,
    answered_at_s  BIGINT NOT NULL,
    answered_at_ns INTEGER NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    edited_at      DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT ${prefix}responses_invitation_uq UNIQUE (invitation_id),
    CONSTRAINT ${prefix}responses_score_ck CHECK (score BETWEEN 0 AND 10),
    CONSTRAINT ${prefix}responses_ns_ck CHECK (answered_at_ns BETWEEN 0 AND 999999999),
    INDEX ${prefix}responses_survey_time (survey_id, answered_at_s),
    INDEX ${prefix}responses_time (answered_at_s),
    INDEX ${prefix}responses_contact (contact_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ${prefix}response_attributes (
    response_id VARCHAR(200) NOT NULL,
    attr_key    VARCHAR(64) NOT NULL,
    attr_value  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (response_id, attr_key),
    INDEX ${prefix}response_attributes_key_value (attr_key, attr_value(191)),
    CONSTRAINT ${prefix}response_attributes_response_fk FOREIGN KEY (response_id) REFERENCES ${prefix}responses (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
