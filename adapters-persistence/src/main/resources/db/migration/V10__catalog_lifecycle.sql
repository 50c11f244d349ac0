-- Catalog lifecycle (issue 14): a plugin whose manifest left the plugins directory is retired, not
-- deleted: it takes no new installs or runs, its installations and history stay. NULL: in service.
ALTER TABLE plugins ADD COLUMN retired_at timestamptz;
