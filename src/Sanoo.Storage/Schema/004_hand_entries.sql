-- Sanoo store, schema version 4, both backends: double entry of hand counts.
-- Every operator's entry is kept, matched or not; a protocol reaches the log only when two
-- different operators typed identical figures. Append-only like the log.
CREATE TABLE hand_entry (
    seq          {int64} NOT NULL PRIMARY KEY,
    station      TEXT    NOT NULL,
    contest      TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    version      INTEGER NOT NULL CHECK (version >= 1),
    operator     TEXT    NOT NULL,
    canonical    {bytes} NOT NULL,
    content_hash TEXT    NOT NULL CHECK (length(content_hash) = 64),
    entered_at   {int64} NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('awaiting-second', 'matched', 'mismatch'))
) {strict};
CREATE INDEX hand_entry_slot ON hand_entry (station, contest, source, version, seq);
