-- Sanoo store, SQLite, schema version 2: who may write.
-- Append-only like the log: a station's newest key is its key; an operator is never edited.

-- Station devices' Ed25519 public keys. Enrolling a station again replaces its key from then on.
CREATE TABLE device_key (
    seq         INTEGER NOT NULL PRIMARY KEY,
    station     TEXT    NOT NULL,
    public_key  BLOB    NOT NULL CHECK (length(public_key) = 32),
    enrolled_at INTEGER NOT NULL,
    enrolled_by TEXT    NOT NULL
) STRICT;
CREATE INDEX device_key_station ON device_key (station, seq);

-- Commission operators: the SHA-256 of their token (the token itself is shown once and never stored).
CREATE TABLE operator (
    seq          INTEGER NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE,
    role         TEXT    NOT NULL CHECK (role IN ('district', 'admin')),
    district     TEXT,
    token_sha256 BLOB    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    CHECK ((role = 'district') = (district IS NOT NULL))
) STRICT;

CREATE TRIGGER device_key_append_only_update BEFORE UPDATE ON device_key
BEGIN SELECT RAISE(ABORT, 'device_key is append-only'); END;
CREATE TRIGGER device_key_append_only_delete BEFORE DELETE ON device_key
BEGIN SELECT RAISE(ABORT, 'device_key is append-only'); END;
CREATE TRIGGER operator_append_only_update BEFORE UPDATE ON operator
BEGIN SELECT RAISE(ABORT, 'operator is append-only'); END;
CREATE TRIGGER operator_append_only_delete BEFORE DELETE ON operator
BEGIN SELECT RAISE(ABORT, 'operator is append-only'); END;
