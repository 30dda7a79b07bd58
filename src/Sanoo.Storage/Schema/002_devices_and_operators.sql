-- Sanoo store, schema version 2, both backends: who may write.
-- Append-only like the log: a station's newest key is its key; an operator is never edited.

-- Station devices' Ed25519 public keys. Enrolling a station again replaces its key from then on.
CREATE TABLE device_key (
    seq         {int64} NOT NULL PRIMARY KEY,
    station     TEXT    NOT NULL,
    public_key  {bytes} NOT NULL CHECK (length(public_key) = 32),
    enrolled_at {int64} NOT NULL,
    enrolled_by TEXT    NOT NULL
) {strict};
CREATE INDEX device_key_station ON device_key (station, seq);

-- Commission operators: the SHA-256 of their token (the token itself is shown once and never stored).
CREATE TABLE operator (
    seq          {int64} NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE,
    role         TEXT    NOT NULL CHECK (role IN ('district', 'admin')),
    district     TEXT,
    token_sha256 {bytes} NOT NULL UNIQUE,
    created_at   {int64} NOT NULL,
    CHECK ((role = 'district') = (district IS NOT NULL))
) {strict};
