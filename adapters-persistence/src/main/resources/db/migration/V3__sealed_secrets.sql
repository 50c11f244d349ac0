-- Secret settings are sealed one by one (AES-256-GCM through Tink, the installation and the field's
-- JSON pointer as associated data) and kept apart from the visible settings, where each reads "(set)".
-- `secrets` maps a JSON pointer to its ciphertext (base64). Plain-text secrets written by an older
-- version are sealed by the server on its first start with a key (see docs/security.md).
ALTER TABLE installations
    ADD COLUMN secrets jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(secrets) = 'object');
