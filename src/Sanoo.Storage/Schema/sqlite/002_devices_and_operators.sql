-- Sanoo store, SQLite, schema version 2: device keys and operators are append-only.
CREATE TRIGGER device_key_append_only_update BEFORE UPDATE ON device_key
BEGIN SELECT RAISE(ABORT, 'device_key is append-only'); END;
CREATE TRIGGER device_key_append_only_delete BEFORE DELETE ON device_key
BEGIN SELECT RAISE(ABORT, 'device_key is append-only'); END;
CREATE TRIGGER operator_append_only_update BEFORE UPDATE ON operator
BEGIN SELECT RAISE(ABORT, 'operator is append-only'); END;
CREATE TRIGGER operator_append_only_delete BEFORE DELETE ON operator
BEGIN SELECT RAISE(ABORT, 'operator is append-only'); END;
