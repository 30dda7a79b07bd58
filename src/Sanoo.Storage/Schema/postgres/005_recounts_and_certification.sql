-- Sanoo store, PostgreSQL, schema version 5: the commission's acts on the results.
-- A recount order (station, contest, reason), later its outcome; the certification of the
-- official result at one log position. Append-only: an act is never edited, only followed.
CREATE TABLE recount_order (
    seq        BIGINT NOT NULL PRIMARY KEY,
    station    TEXT   NOT NULL,
    contest    TEXT   NOT NULL,
    reason     TEXT   NOT NULL CHECK (length(reason) > 0),
    ordered_by TEXT   NOT NULL,
    ordered_at BIGINT NOT NULL
);

CREATE TABLE recount_outcome (
    seq         BIGINT NOT NULL PRIMARY KEY,
    recount     BIGINT NOT NULL REFERENCES recount_order (seq),
    outcome     TEXT   NOT NULL CHECK (length(outcome) > 0),
    recorded_by TEXT   NOT NULL,
    recorded_at BIGINT NOT NULL
);

CREATE TABLE certification (
    seq          BIGINT NOT NULL PRIMARY KEY,
    position     BIGINT NOT NULL CHECK (position >= 0),
    statement    TEXT   NOT NULL CHECK (length(statement) > 0),
    certified_by TEXT   NOT NULL,
    certified_at BIGINT NOT NULL
);

CREATE TRIGGER recount_order_append_only BEFORE UPDATE OR DELETE ON recount_order
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER recount_order_no_truncate BEFORE TRUNCATE ON recount_order
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER recount_outcome_append_only BEFORE UPDATE OR DELETE ON recount_outcome
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER recount_outcome_no_truncate BEFORE TRUNCATE ON recount_outcome
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER certification_append_only BEFORE UPDATE OR DELETE ON certification
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER certification_no_truncate BEFORE TRUNCATE ON certification
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
