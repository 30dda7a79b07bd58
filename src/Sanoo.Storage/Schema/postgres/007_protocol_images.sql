-- Sanoo store, PostgreSQL, schema version 7: images of signed paper protocols, content-addressed and append-only.
CREATE TABLE protocol_image (
    sha256     bytea NOT NULL PRIMARY KEY,   -- SHA-256 of bytes, as stored
    media_type TEXT  NOT NULL,               -- image/jpeg, image/png or application/pdf
    bytes      bytea NOT NULL
);
CREATE TRIGGER protocol_image_append_only BEFORE UPDATE OR DELETE ON protocol_image
    FOR EACH ROW EXECUTE FUNCTION sanoo_append_only();
CREATE TRIGGER protocol_image_no_truncate BEFORE TRUNCATE ON protocol_image
    FOR EACH STATEMENT EXECUTE FUNCTION sanoo_append_only();
