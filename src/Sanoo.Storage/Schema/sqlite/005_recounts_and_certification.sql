-- Sanoo store, SQLite, schema version 5: the commission's acts on the results.
-- A recount order (station, contest, reason), later its outcome; the certification of the
-- official result at one log position. Append-only: an act is never edited, only followed.
CREATE TABLE recount_order (
    seq        INTEGER NOT NULL PRIMARY KEY,
    station    TEXT    NOT NULL,
    contest    TEXT    NOT NULL,
    reason     TEXT    NOT NULL CHECK (length(reason) > 0),
    ordered_by TEXT    NOT NULL,
    ordered_at INTEGER NOT NULL
) STRICT;

CREATE TABLE recount_outcome (
    seq         INTEGER NOT NULL PRIMARY KEY,
    recount     INTEGER NOT NULL REFERENCES recount_order (seq),
    outcome     TEXT    NOT NULL CHECK (length(outcome) > 0),
    recorded_by TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL
) STRICT;

CREATE TABLE certification (
    seq          INTEGER NOT NULL PRIMARY KEY,
    position     INTEGER NOT NULL CHECK (position >= 0),
    statement    TEXT    NOT NULL CHECK (length(statement) > 0),
    certified_by TEXT    NOT NULL,
    certified_at INTEGER NOT NULL
) STRICT;

CREATE TRIGGER recount_order_append_only_update BEFORE UPDATE ON recount_order
BEGIN SELECT RAISE(ABORT, 'recount_order is append-only'); END;
CREATE TRIGGER recount_order_append_only_delete BEFORE DELETE ON recount_order
BEGIN SELECT RAISE(ABORT, 'recount_order is append-only'); END;
CREATE TRIGGER recount_outcome_append_only_update BEFORE UPDATE ON recount_outcome
BEGIN SELECT RAISE(ABORT, 'recount_outcome is append-only'); END;
CREATE TRIGGER recount_outcome_append_only_delete BEFORE DELETE ON recount_outcome
BEGIN SELECT RAISE(ABORT, 'recount_outcome is append-only'); END;
CREATE TRIGGER certification_append_only_update BEFORE UPDATE ON certification
BEGIN SELECT RAISE(ABORT, 'certification is append-only'); END;
CREATE TRIGGER certification_append_only_delete BEFORE DELETE ON certification
BEGIN SELECT RAISE(ABORT, 'certification is append-only'); END;
