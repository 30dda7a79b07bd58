-- Sanoo store, schema version 6, both backends: the register, the signed log of everything besides
-- the protocols that decides a published number (the definition, device keys and revocations,
-- operators, hand entries, recounts, certifications, witnesses). Each row is one RFC 8785 record;
-- every signed tree head names the register's size and Merkle root, so a row changed, dropped or
-- slipped in is found at start and by any verifier. Append-only like the log.
-- The typed tables of versions 2, 4 and 5 stay for the rows written before (copied into the
-- register when this version is applied); hand_entry keeps each entry's private figures and now
-- the salt of its public commitment.
CREATE TABLE register (
    seq      {int64} NOT NULL PRIMARY KEY,
    kind     TEXT    NOT NULL,
    station  TEXT,
    record   {bytes} NOT NULL,   -- the record's RFC 8785 bytes: its leaf in the register tree
    log_size {int64} NOT NULL    -- protocol log entries when it was recorded
) {strict};
CREATE INDEX register_kind ON register (kind, seq);
CREATE INDEX register_station ON register (station, seq);
ALTER TABLE hand_entry ADD COLUMN salt {bytes};
