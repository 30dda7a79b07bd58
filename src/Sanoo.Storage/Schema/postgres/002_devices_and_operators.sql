-- Sanoo store, PostgreSQL, schema version 2: device keys and operators are append-only.
CREATE TRIGGER device_key_append_only BEFORE UPDATE OR DELETE ON device_key
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER device_key_no_truncate BEFORE TRUNCATE ON device_key
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER operator_append_only BEFORE UPDATE OR DELETE ON operator
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER operator_no_truncate BEFORE TRUNCATE ON operator
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
