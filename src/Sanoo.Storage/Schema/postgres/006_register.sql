-- Sanoo store, PostgreSQL, schema version 6: the register is append-only.
CREATE TRIGGER register_append_only BEFORE UPDATE OR DELETE ON register
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER register_no_truncate BEFORE TRUNCATE ON register
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
