-- Declarative state (issue 14 part 9): the reference (to an environment variable or a file) an applied
-- state file gave for a webhook workflow's secret, so an export writes it back instead of a
-- placeholder. A reference only: never the secret, which stays sealed in the definition.
ALTER TABLE workflows ADD COLUMN secret_reference text;

-- Environments (issue 14 part 8): the environment whose settings overrides a plugin run used.
-- Runs made before this version ran with the base settings, as 'default' does.
ALTER TABLE plugin_runs ADD COLUMN environment text NOT NULL DEFAULT 'default';
