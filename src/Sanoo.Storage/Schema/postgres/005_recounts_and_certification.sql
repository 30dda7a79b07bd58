-- Sanoo store, PostgreSQL, schema version 5: the commission's acts are append-only.
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
