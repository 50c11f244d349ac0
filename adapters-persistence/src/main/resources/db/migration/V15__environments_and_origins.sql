-- Environments (issue 14 part 8): an installation's settings overrides per environment, each a JSON
-- Merge Patch over the base settings, stored like them: {"staging": {"settings": {...visible, secrets
-- read "(set)"}, "secrets": {pointer: ciphertext}}}. Every audit entry names the environment of the
-- process that made it.
ALTER TABLE installations ADD COLUMN overrides jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(overrides) = 'object');
ALTER TABLE audit_entries ADD COLUMN environment text NOT NULL DEFAULT 'default';

-- Origin metadata (issue 14 part 4): where a manifest says its plugin came from, and who installed
-- an installation at which plugin version (installed_at is created_at). NULL: not known (installed
-- before this version).
ALTER TABLE plugins ADD COLUMN installed_from text
    CHECK (installed_from IN ('MARKETPLACE', 'GIT_REPOSITORY', 'NPM_REGISTRY', 'LOCAL_FILE', 'DOCKER_REGISTRY',
                              'INTERNAL', 'CUSTOM'));
ALTER TABLE plugins ADD COLUMN source_url text;
ALTER TABLE installations ADD COLUMN installed_by text;
ALTER TABLE installations ADD COLUMN installed_version text;

-- Declarative state (issue 14 part 9): the references (to an environment variable or a file) an applied state
-- file gave for an installation's secrets, keyed "<environment>#<pointer>", so an export writes them
-- back instead of a placeholder. References only: never a secret value.
ALTER TABLE installations ADD COLUMN secret_references jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(secret_references) = 'object');
