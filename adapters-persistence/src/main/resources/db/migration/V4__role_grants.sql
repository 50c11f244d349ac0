-- Role grants (issue 9): roles an administrator gave a subject (a token's sub) in Plugboard itself,
-- so that the roles an identity provider puts in its tokens need not be believed. One row per
-- subject and role; the subject is not a foreign key to users, since an administrator may grant a
-- role before the subject's first request provisions it.
CREATE TABLE role_grants (
    subject          text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 128),
    role             text        NOT NULL CHECK (role IN ('admin', 'worker')),
    granted_by_type  text        NOT NULL CHECK (granted_by_type IN ('user', 'operator', 'system')),
    granted_by_id    text        NOT NULL,
    granted_at       timestamptz NOT NULL,
    PRIMARY KEY (subject, role)
);
