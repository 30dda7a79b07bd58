-- Sanoo store, SQLite, schema version 4: hand entries are append-only.
CREATE TRIGGER hand_entry_append_only_update BEFORE UPDATE ON hand_entry
BEGIN SELECT RAISE(ABORT, 'hand_entry is append-only'); END;
CREATE TRIGGER hand_entry_append_only_delete BEFORE DELETE ON hand_entry
BEGIN SELECT RAISE(ABORT, 'hand_entry is append-only'); END;
