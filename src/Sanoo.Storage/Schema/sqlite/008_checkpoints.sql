-- Sanoo store, SQLite, schema version 8: checkpoints are append-only.
CREATE TRIGGER checkpoint_append_only_update BEFORE UPDATE ON checkpoint
BEGIN SELECT RAISE(ABORT, 'checkpoint is append-only'); END;
CREATE TRIGGER checkpoint_append_only_delete BEFORE DELETE ON checkpoint
BEGIN SELECT RAISE(ABORT, 'checkpoint is append-only'); END;
