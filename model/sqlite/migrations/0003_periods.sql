-- 0003_periods: assessment periods with their frozen schemes, and every file
-- received for them. A received file's bytes are kept once per SHA-256 in
-- files; each receipt is a row of submissions: accepted (values_json holds
-- every value taken, with its sheet and cell), superseded by a later
-- version, or rejected (problems_json says why, cell by cell).

CREATE TABLE periods (
	id                 INTEGER PRIMARY KEY,
	name               TEXT    NOT NULL,
	start_date         TEXT    NOT NULL DEFAULT '',
	end_date           TEXT    NOT NULL DEFAULT '',
	scheme_json        TEXT    NOT NULL,
	member_scheme_json TEXT    NOT NULL DEFAULT '',
	status             TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
	created_at         TEXT    NOT NULL
);

CREATE TABLE period_units (
	period_id INTEGER NOT NULL REFERENCES periods (id) ON DELETE CASCADE,
	unit_id   INTEGER NOT NULL REFERENCES units (id),
	position  INTEGER NOT NULL,
	PRIMARY KEY (period_id, unit_id)
);

CREATE TABLE files (
	sha256 TEXT    PRIMARY KEY,
	size   INTEGER NOT NULL,
	data   BLOB    NOT NULL
);

CREATE TABLE submissions (
	id            INTEGER PRIMARY KEY,
	period_id     INTEGER REFERENCES periods (id),
	form          TEXT    NOT NULL DEFAULT '',
	unit_id       INTEGER REFERENCES units (id),
	dept          TEXT    NOT NULL DEFAULT '',
	version       INTEGER NOT NULL DEFAULT 0,
	file_name     TEXT    NOT NULL,
	sha256        TEXT    NOT NULL REFERENCES files (sha256),
	received_at   TEXT    NOT NULL,
	status        TEXT    NOT NULL CHECK (status IN ('accepted', 'superseded', 'rejected')),
	problems_json TEXT    NOT NULL DEFAULT '',
	values_json   TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX submissions_owner ON submissions (period_id, form, unit_id, dept, status);
CREATE INDEX submissions_sha ON submissions (sha256);
