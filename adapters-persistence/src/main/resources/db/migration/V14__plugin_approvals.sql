-- Plugin versions held under plugboard.catalog.new-plugins: pending-approval (issue 14 part 7): a new
-- plugin, or a version adding capabilities or secret fields, waits here for an administrator. No
-- foreign key to plugins: a new plugin is not in the catalog until it is approved and synced.
CREATE TABLE plugin_approvals (
    plugin       text COLLATE "C" NOT NULL,
    version      text COLLATE "C" NOT NULL,
    status       text NOT NULL CONSTRAINT plugin_approvals_status_check CHECK (status IN ('pending', 'approved', 'rejected')),
    reason       text NOT NULL,
    requested_at timestamptz NOT NULL,
    decided_by   text,
    decided_at   timestamptz,
    PRIMARY KEY (plugin, version),
    CONSTRAINT plugin_approvals_decision_check CHECK ((status = 'pending') = (decided_at IS NULL))
);

CREATE INDEX plugin_approvals_pending ON plugin_approvals (requested_at) WHERE status = 'pending';
