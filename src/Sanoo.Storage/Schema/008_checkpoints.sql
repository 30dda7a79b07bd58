-- Sanoo store, schema version 8, both backends: checkpoints of the server's state, so that a restart replays only the log's tail
-- (docs/storage.md, "Checkpoints"). Derived data, never the source of a number: a checkpoint is used only when its state hashes
-- to what a statement signed by the commission key, kept outside the database, names, and its frontier and the log's first
-- `position` leaves hash to the root that statement names; anything else is refused and the whole log replayed.
CREATE TABLE checkpoint (
    position     {int64} NOT NULL PRIMARY KEY,  -- log entries it covers (1 … position)
    root         {bytes} NOT NULL,              -- the RFC 9162 root of those entries
    frontier     {bytes} NOT NULL,              -- the roots of the complete subtrees on the tree's right edge, 32 bytes each
    state        {bytes} NOT NULL,              -- the tally state and the digest of the entries' counted columns
    state_sha256 {bytes} NOT NULL,              -- SHA-256 of state
    written_at   {int64} NOT NULL               -- Unix time, milliseconds
) {strict};
