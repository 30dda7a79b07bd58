-- Sanoo store, schema version 5, both backends: the commission's acts on the results.
-- A recount order (station, contest, reason), later its outcome; the certification of the
-- official result at one log position. Append-only: an act is never edited, only followed.
CREATE TABLE recount_order (
    seq        {int64} NOT NULL PRIMARY KEY,
    station    TEXT    NOT NULL,
    contest    TEXT    NOT NULL,
    reason     TEXT    NOT NULL CHECK (length(reason) > 0),
    ordered_by TEXT    NOT NULL,
    ordered_at {int64} NOT NULL
) {strict};

CREATE TABLE recount_outcome (
    seq         {int64} NOT NULL PRIMARY KEY,
    recount     {int64} NOT NULL REFERENCES recount_order (seq),
    outcome     TEXT    NOT NULL CHECK (length(outcome) > 0),
    recorded_by TEXT    NOT NULL,
    recorded_at {int64} NOT NULL
) {strict};

CREATE TABLE certification (
    seq          {int64} NOT NULL PRIMARY KEY,
    position     {int64} NOT NULL CHECK (position >= 0),
    statement    TEXT    NOT NULL CHECK (length(statement) > 0),
    certified_by TEXT    NOT NULL,
    certified_at {int64} NOT NULL
) {strict};
