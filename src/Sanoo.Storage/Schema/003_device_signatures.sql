-- Sanoo store, schema version 3, both backends: the device's signature is kept with each
-- protocol version it signed, so the transparency log can bind every leaf to its device.
-- Adding a column changes no row that exists: earlier rows read as unsigned (NULL).
ALTER TABLE protocol_version ADD COLUMN device_signature {bytes};
