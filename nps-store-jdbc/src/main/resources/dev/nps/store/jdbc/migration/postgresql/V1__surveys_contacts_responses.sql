-- NPS store, version 1: surveys, contacts, responses and their attributes.
-- ${prefix} is the configured table prefix (default nps_). Instants are UTC.
-- Identifiers use the "C" collation so that ordering and uniqueness are byte-exact, as in Java.

CREATE TABLE ${prefix}surveys (
    id                   VARCHAR(200) COLLATE "C" NOT NULL,
    question             VARCHAR(500) NOT NULL,
    follow_up_detractor  VARCHAR(500),
    follow_up_passive    VARCHAR(500),
    follow_up_promoter   VARCHAR(500),
    language             VARCHAR(100) NOT NULL,
    channels             VARCHAR(2000) NOT NULL,
    triggers             TEXT NOT NULL,
    throttle_per_contact VARCHAR(64),
    quiet_start          VARCHAR(32),
    quiet_end            VARCHAR(32),
    reminder_delay       VARCHAR(64) NOT NULL,
    reminder_max         INTEGER NOT NULL,
    updated_at           TIMESTAMP NOT NULL,
    CONSTRAINT ${prefix}surveys_pk PRIMARY KEY (id)
);

CREATE TABLE ${prefix}contacts (
    id                 VARCHAR(200) COLLATE "C" NOT NULL,
    email              VARCHAR(254),
    phone              VARCHAR(16),
    locale             VARCHAR(100),
    zone               VARCHAR(100),
    consent            VARCHAR(2000) NOT NULL,
    channel_preference VARCHAR(2000) NOT NULL,
    updated_at         TIMESTAMP NOT NULL,
    CONSTRAINT ${prefix}contacts_pk PRIMARY KEY (id)
);

CREATE TABLE ${prefix}contact_attributes (
    contact_id VARCHAR(200) COLLATE "C" NOT NULL,
    attr_key   VARCHAR(64) COLLATE "C" NOT NULL,
    attr_value VARCHAR(1000) COLLATE "C" NOT NULL,
    CONSTRAINT ${prefix}contact_attributes_pk PRIMARY KEY (contact_id, attr_key),
    CONSTRAINT ${prefix}contact_attributes_contact_fk FOREIGN KEY (contact_id) REFERENCES ${prefix}contacts (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}contact_attributes_key_value ON ${prefix}contact_attributes (attr_key, attr_value);

-- One row per response. answered_at is kept exactly as epoch seconds plus nanoseconds (fast to scan and
-- compare on every database); the views present it as a timestamp.
CREATE TABLE ${prefix}responses (
    id             VARCHAR(200) COLLATE "C" NOT NULL,
    survey_id      VARCHAR(200) COLLATE "C" NOT NULL,
    contact_id     VARCHAR(200) COLLATE "C",
    invitation_id  VARCHAR(200) COLLATE "C",
    score          SMALLINT NOT NULL,
    comment        TEXT,
    channel        VARCHAR(32) COLLATE "C" NOT NULL,
    answered_at_s  BIGINT NOT NULL,
    answered_at_ns INTEGER NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    edited_at      TIMESTAMP,
    CONSTRAINT ${prefix}responses_pk PRIMARY KEY (id),
    CONSTRAINT ${prefix}responses_invitation_uq UNIQUE (invitation_id),
    CONSTRAINT ${prefix}responses_score_ck CHECK (score BETWEEN 0 AND 10),
    CONSTRAINT ${prefix}responses_ns_ck CHECK (answered_at_ns BETWEEN 0 AND 999999999)
);
CREATE INDEX ${prefix}responses_survey_time ON ${prefix}responses (survey_id, answered_at_s);
CREATE INDEX ${prefix}responses_time ON ${prefix}responses (answered_at_s);
CREATE INDEX ${prefix}responses_contact ON ${prefix}responses (contact_id);

CREATE TABLE ${prefix}response_attributes (
    response_id VARCHAR(200) COLLATE "C" NOT NULL,
    attr_key    VARCHAR(64) COLLATE "C" NOT NULL,
    attr_value  VARCHAR(1000) COLLATE "C" NOT NULL,
    CONSTRAINT ${prefix}response_attributes_pk PRIMARY KEY (response_id, attr_key),
    CONSTRAINT ${prefix}response_attributes_response_fk FOREIGN KEY (response_id) REFERENCES ${prefix}responses (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}response_attributes_key_value ON ${prefix}response_attributes (attr_key, attr_value);
