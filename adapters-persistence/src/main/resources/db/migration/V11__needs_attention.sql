-- Re-validation when a settings schema changes (issue 14 part 3): an installation whose stored
-- settings no longer satisfy its plugin's new schema needs attention. `attention` holds
-- {"violations": [{"pointer", "keyword", "message"}, ...]}; NULL: the settings validate.
-- `needs_attention` follows from it, for listings and queries.
ALTER TABLE installations ADD COLUMN attention jsonb
    CHECK (attention IS NULL OR jsonb_typeof(attention -> 'violations') = 'array');
ALTER TABLE installations ADD COLUMN needs_attention boolean
    GENERATED ALWAYS AS (attention IS NOT NULL) STORED;
