-- Re-validation when a settings schema changes (issue 14 part 3): an installation whose stored
-- settings no longer satisfy its plugin's new schema needs attention. `attention` holds
-- {"violations": [{"pointer", "keyword", "message"}, ...]}; NULL: the settings validate.
-- `needs_attention` follows from it, for listings and queries.
ALTER TABLE installations ADD COLUMN attention jsonb
    CHECK (attention IS NULL OR jsonb_typeof(attention -> 'violations') = 'array');
ALTER TABLE installations ADD COLUMN needs_attention boolean
    GENERATED ALWAYS AS (attention IS NOT NULL) STORED;

-- A manifest's settingsMigrations (rename a field, default a missing one, drop one), kept with the
-- rest of the manifest so a sync can tell an unchanged manifest from a changed one.
ALTER TABLE plugins ADD COLUMN settings_migrations jsonb NOT NULL DEFAULT '[]'
    CHECK (jsonb_typeof(settings_migrations) = 'array');
