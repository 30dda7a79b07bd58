-- Sanoo store, PostgreSQL, schema version 3: the device's signature is kept with each protocol
-- version it signed. Adding a column changes no row that exists: earlier rows read as NULL.
ALTER TABLE protocol_version ADD COLUMN device_signature BYTEA;
