-- Sanoo store, SQLite, schema version 1.
-- Append-only: no row of these tables is ever updated or deleted; triggers refuse it.

CREATE TABLE schema_version (
    version    INTEGER NOT NULL PRIMARY KEY,
    applied_at INTEGER NOT NULL          -- Unix time, milliseconds
) STRICT;

-- The election definition, stored on first use; one election per database.
CREATE TABLE election (
    id                TEXT    NOT NULL PRIMARY KEY,
    definition        BLOB    NOT NULL,  -- the definition file's bytes as loaded
    definition_sha256 BLOB    NOT NULL,
    stored_at         INTEGER NOT NULL
) STRICT;

-- Every protocol version received, whatever its outcome; seq is the log position (1, 2, 3 …).
CREATE TABLE protocol_version (
    seq               INTEGER NOT NULL PRIMARY KEY,
    station           TEXT    NOT NULL,
    contest           TEXT    NOT NULL,
    source            TEXT    NOT NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    outcome           TEXT    NOT NULL CHECK (outcome IN ('accepted', 'conflict', 'stale', 'rejected')),
    content_sha256    BLOB    NOT NULL UNIQUE,  -- SHA-256 of canonical; a retry is found by it
    canonical         BLOB    NOT NULL,         -- the protocol's canonical JSON bytes
    figures           BLOB    NOT NULL,         -- lines then votes, 32-bit little-endian, for fast rebuilds
    correction_reason TEXT,
    correction_author TEXT,
    sender            TEXT    NOT NULL,
    received_at       INTEGER NOT NULL,         -- Unix time, milliseconds
    violations        TEXT                      -- JSON array of broken relations (rejected and flagged)
) STRICT;

CREATE INDEX protocol_version_slot ON protocol_version (station, contest, source, version);

CREATE TRIGGER protocol_version_append_only_update BEFORE UPDATE ON protocol_version
BEGIN SELECT RAISE(ABORT, 'protocol_version is append-only'); END;
CREATE TRIGGER protocol_version_append_only_delete BEFORE DELETE ON protocol_version
BEGIN SELECT RAISE(ABORT, 'protocol_version is append-only'); END;
CREATE TRIGGER election_append_only_update BEFORE UPDATE ON election
BEGIN SELECT RAISE(ABORT, 'election is append-only: the stored definition is never changed'); END;
CREATE TRIGGER election_append_only_delete BEFORE DELETE ON election
BEGIN SELECT RAISE(ABORT, 'election is append-only: the stored definition is never changed'); END;
CREATE TRIGGER schema_version_append_only_update BEFORE UPDATE ON schema_version
BEGIN SELECT RAISE(ABORT, 'schema_version is append-only'); END;
CREATE TRIGGER schema_version_append_only_delete BEFORE DELETE ON schema_version
BEGIN SELECT RAISE(ABORT, 'schema_version is append-only'); END;
