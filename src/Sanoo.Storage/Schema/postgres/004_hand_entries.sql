-- Sanoo store, PostgreSQL, schema version 4: double entry of hand counts.
-- Every operator's entry is kept, matched or not; a protocol reaches the log only when two
-- different operators typed identical figures. Append-only like the log.
CREATE TABLE hand_entry (
    seq          BIGINT  NOT NULL PRIMARY KEY,
    station      TEXT    NOT NULL,
    contest      TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    version      INTEGER NOT NULL CHECK (version >= 1),
    operator     TEXT    NOT NULL,
    canonical    BYTEA   NOT NULL,
    content_hash TEXT    NOT NULL CHECK (length(content_hash) = 64),
    entered_at   BIGINT  NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('awaiting-second', 'matched', 'mismatch'))
);
CREATE INDEX hand_entry_slot ON hand_entry (station, contest, source, version, seq);

CREATE TRIGGER hand_entry_append_only BEFORE UPDATE OR DELETE ON hand_entry
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER hand_entry_no_truncate BEFORE TRUNCATE ON hand_entry
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
