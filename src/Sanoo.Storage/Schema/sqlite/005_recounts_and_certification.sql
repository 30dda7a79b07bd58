-- Sanoo store, SQLite, schema version 5: the commission's acts are append-only.
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
