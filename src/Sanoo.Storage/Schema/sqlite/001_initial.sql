-- Sanoo store, SQLite, schema version 1: the tables refuse to change or lose a row.
CREATE TRIGGER protocol_version_append_only_update BEFORE UPDATE ON protocol_version
BEGIN SELECT RAISE(ABORT, 'protocol_version is append-only'); END;
CREATE TRIGGER protocol_version_append_only_delete BEFORE DELETE ON protocol_version
BEGIN SELECT RAISE(ABORT, 'protocol_version is append-only'); END;
CREATE TRIGGER election_append_only_update BEFORE UPDATE ON election
BEGIN SELECT RAISE(ABORT, 'election is append-only: the stored definition is never changed'); END;
CREATE TRIGGER election_append_only_delete BEFORE DELETE ON election
BEGIN SELECT RAISE(ABORT, 'election is append-only: the stored definition is never changed'); END;
CREATE TRIGGER schema_version_append_only_update BEFORE UPDATE ON schema_version
BEGIN SELECT RAISE(ABORT, 'schema_version is append-only'); END;
CREATE TRIGGER schema_version_append_only_delete BEFORE DELETE ON schema_version
BEGIN SELECT RAISE(ABORT, 'schema_version is append-only'); END;
