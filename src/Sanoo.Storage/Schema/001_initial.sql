-- Sanoo store, schema version 1, both backends (types in braces: each spells them its own way, see SchemaScripts.cs).
-- Append-only: no row of these tables is ever updated or deleted; each backend's own script
-- adds the triggers that refuse it.

CREATE TABLE schema_version (
    version    INTEGER NOT NULL PRIMARY KEY,
    applied_at {int64} NOT NULL          -- Unix time, milliseconds
) {strict};

-- The election definition, stored on first use; one election per database.
CREATE TABLE election (
    id                TEXT    NOT NULL PRIMARY KEY,
    definition        {bytes} NOT NULL,  -- the definition file's bytes as loaded
    definition_sha256 {bytes} NOT NULL,
    stored_at         {int64} NOT NULL
) {strict};

-- Every protocol version received, whatever its outcome; seq is the log position (1, 2, 3 …).
CREATE TABLE protocol_version (
    seq               {int64} NOT NULL PRIMARY KEY,
    station           TEXT    NOT NULL,
    contest           TEXT    NOT NULL,
    source            TEXT    NOT NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    outcome           TEXT    NOT NULL CHECK (outcome IN ('accepted', 'conflict', 'stale', 'rejected')),
    content_sha256    {bytes} NOT NULL UNIQUE,  -- SHA-256 of canonical; a retry is found by it
    canonical         {bytes} NOT NULL,         -- the protocol's canonical JSON bytes
    figures           {bytes} NOT NULL,         -- lines then votes, 32-bit little-endian, for fast rebuilds
    correction_reason TEXT,
    correction_author TEXT,
    sender            TEXT    NOT NULL,
    received_at       {int64} NOT NULL,         -- Unix time, milliseconds
    violations        TEXT                      -- JSON array of broken relations (rejected and flagged)
) {strict};

CREATE INDEX protocol_version_slot ON protocol_version (station, contest, source, version);
