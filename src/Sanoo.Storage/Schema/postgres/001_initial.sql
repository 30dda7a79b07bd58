-- Sanoo store, PostgreSQL, schema version 1.
-- Append-only: no row of these tables is ever updated, deleted or truncated; triggers refuse it.

CREATE TABLE schema_version (
    version    INTEGER NOT NULL PRIMARY KEY,
    applied_at BIGINT  NOT NULL          -- Unix time, milliseconds
);

-- The election definition, stored on first use; one election per database.
CREATE TABLE election (
    id                TEXT   NOT NULL PRIMARY KEY,
    definition        BYTEA  NOT NULL,
    definition_sha256 BYTEA  NOT NULL,
    stored_at         BIGINT NOT NULL
);

-- Every protocol version received, whatever its outcome; seq is the log position (1, 2, 3 …).
CREATE TABLE protocol_version (
    seq               BIGINT  NOT NULL PRIMARY KEY,
    station           TEXT    NOT NULL,
    contest           TEXT    NOT NULL,
    source            TEXT    NOT NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    outcome           TEXT    NOT NULL CHECK (outcome IN ('accepted', 'conflict', 'stale', 'rejected')),
    content_sha256    BYTEA   NOT NULL UNIQUE,
    canonical         BYTEA   NOT NULL,
    figures           BYTEA   NOT NULL,
    correction_reason TEXT,
    correction_author TEXT,
    sender            TEXT    NOT NULL,
    received_at       BIGINT  NOT NULL,
    violations        TEXT
);

CREATE INDEX protocol_version_slot ON protocol_version (station, contest, source, version);

CREATE FUNCTION sanoo_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER protocol_version_append_only BEFORE UPDATE OR DELETE ON protocol_version
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER protocol_version_no_truncate BEFORE TRUNCATE ON protocol_version
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER election_append_only BEFORE UPDATE OR DELETE ON election
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER election_no_truncate BEFORE TRUNCATE ON election
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER schema_version_append_only BEFORE UPDATE OR DELETE ON schema_version
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
