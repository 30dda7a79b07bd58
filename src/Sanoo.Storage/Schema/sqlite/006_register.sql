-- Sanoo store, SQLite, schema version 6: the register is append-only.
CREATE TRIGGER register_append_only_update BEFORE UPDATE ON register
BEGIN SELECT RAISE(ABORT, 'register is append-only'); END;
CREATE TRIGGER register_append_only_delete BEFORE DELETE ON register
BEGIN SELECT RAISE(ABORT, 'register is append-only'); END;
