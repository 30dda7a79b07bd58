-- Sanoo store, PostgreSQL, schema version 4: hand entries are append-only.
CREATE TRIGGER hand_entry_append_only BEFORE UPDATE OR DELETE ON hand_entry
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER hand_entry_no_truncate BEFORE TRUNCATE ON hand_entry
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
