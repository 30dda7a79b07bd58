-- Sanoo store, PostgreSQL, schema version 2: who may write.
-- Append-only like the log: a station's newest key is its key; an operator is never edited.

CREATE TABLE device_key (
    seq         BIGINT NOT NULL PRIMARY KEY,
    station     TEXT   NOT NULL,
    public_key  BYTEA  NOT NULL CHECK (length(public_key) = 32),
    enrolled_at BIGINT NOT NULL,
    enrolled_by TEXT   NOT NULL
);
CREATE INDEX device_key_station ON device_key (station, seq);

CREATE TABLE operator (
    seq          BIGINT NOT NULL PRIMARY KEY,
    name         TEXT   NOT NULL UNIQUE,
    role         TEXT   NOT NULL CHECK (role IN ('district', 'admin')),
    district     TEXT,
    token_sha256 BYTEA  NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    CHECK ((role = 'district') = (district IS NOT NULL))
);

CREATE TRIGGER device_key_append_only BEFORE UPDATE OR DELETE ON device_key
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER device_key_no_truncate BEFORE TRUNCATE ON device_key
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER operator_append_only BEFORE UPDATE OR DELETE ON operator
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER operator_no_truncate BEFORE TRUNCATE ON operator
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
