-- NPS store, version 6: what the closed-loop workflow needs across restarts and instances: tags on responses and
-- named sequences (the round-robin position of case owners). ${prefix} is the configured table prefix.
-- Instants are UTC from the engine's clock, to the microsecond. Tags and names are compared byte-wise (COLLATE "C").

-- No foreign key to responses: a workflow may tag a response while the store writes it, and erasing a contact
-- deletes the tags of its responses explicitly.
CREATE TABLE ${prefix}response_tags (
    response_id VARCHAR(200) COLLATE "C" NOT NULL,
    tag         VARCHAR(64) COLLATE "C" NOT NULL,
    tagged_at   TIMESTAMP(6) NOT NULL,
    CONSTRAINT ${prefix}response_tags_pk PRIMARY KEY (response_id, tag)
);
CREATE INDEX ${prefix}response_tags_tag ON ${prefix}response_tags (tag, response_id);

-- next_value is the value the next caller gets; a row is also the lock that makes callers take turns.
CREATE TABLE ${prefix}sequences (
    name       VARCHAR(200) COLLATE "C" NOT NULL,
    next_value BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT ${prefix}sequences_pk PRIMARY KEY (name)
);
