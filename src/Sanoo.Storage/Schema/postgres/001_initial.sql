-- Sanoo store, PostgreSQL, schema version 1: the tables refuse to change, lose or truncate a row.
CREATE FUNCTION sanoo_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER protocol_version_append_only BEFORE UPDATE OR DELETE ON protocol_version
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER protocol_version_no_truncate BEFORE TRUNCATE ON protocol_version
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER election_append_only BEFORE UPDATE OR DELETE ON election
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER election_no_truncate BEFORE TRUNCATE ON election
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER schema_version_append_only BEFORE UPDATE OR DELETE ON schema_version
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
