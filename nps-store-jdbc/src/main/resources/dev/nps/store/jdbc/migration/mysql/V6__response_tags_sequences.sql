-- NPS store, version 6: what the closed-loop workflow needs across restarts and instances: tags on responses and
-- named sequences (the round-robin position of case owners). ${prefix} is the configured table prefix.
-- Instants are UTC from the engine's clock, to the microsecond. Tables are utf8mb4 with the binary collation, as in version 1.

-- No foreign key to responses: a workflow may tag a response while the store writes it, and erasing a contact
-- deletes the tags of its responses explicitly.
CREATE TABLE ${prefix}response_tags (
    response_id VARCHAR(200) NOT NULL,
    tag         VARCHAR(64) NOT NULL,
    tagged_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (response_id, tag)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ${prefix}response_tags_tag ON ${prefix}response_tags (tag, response_id);

-- next_value is the value the next caller gets; a row is also the lock that makes callers take turns.
CREATE TABLE ${prefix}sequences (
    name       VARCHAR(200) NOT NULL,
    next_value BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
