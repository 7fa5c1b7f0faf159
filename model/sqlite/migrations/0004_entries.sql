-- 0004_entries: what the office enters itself for a period, and the saved
-- versions of a period's results.
--
-- entries is an append-only log (model.Entry): a later row for the same key
-- (period_id, subject, kind, name, field) replaces an earlier one, a row
-- with an empty value clears the key, and each row keeps the value it
-- replaced (old), who made it (user_name), when (entered_at, RFC 3339 with
-- nanoseconds, as submissions.received_at) and why. Rows are never changed
-- or deleted: the triggers below refuse it.
--
-- result_versions holds numbered copies of a period's results (1, 2, … per
-- period, model.ResultVersion), data the results as JSON, kept byte for
-- byte. A saved version never changes either.
--
-- Periods are never deleted, so neither table cascades from periods.

CREATE TABLE entries (
	id         INTEGER PRIMARY KEY,
	period_id  INTEGER NOT NULL REFERENCES periods (id),
	subject    TEXT    NOT NULL,
	kind       TEXT    NOT NULL CHECK (kind IN ('score', 'fact', 'veto', 'ownstar')),
	name       TEXT    NOT NULL,
	field      TEXT    NOT NULL DEFAULT '',
	dept       TEXT    NOT NULL DEFAULT '',
	value      TEXT    NOT NULL DEFAULT '',
	old        TEXT    NOT NULL DEFAULT '',
	reason     TEXT    NOT NULL DEFAULT '',
	doc_no     TEXT    NOT NULL DEFAULT '',
	user_name  TEXT    NOT NULL DEFAULT '',
	entered_at TEXT    NOT NULL,
	file       TEXT    NOT NULL DEFAULT '',
	sheet      TEXT    NOT NULL DEFAULT '',
	cell       TEXT    NOT NULL DEFAULT ''
);
-- A key's latest row is the last entry of this index for the key.
CREATE INDEX entries_key ON entries (period_id, subject, kind, name, field, id);

CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
BEGIN
	SELECT RAISE(ABORT, '录入记录不能修改：更正请追加一条新的录入');
END;

CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN
	SELECT RAISE(ABORT, '录入记录不能删除：清除请追加一条空值的录入');
END;

CREATE TABLE result_versions (
	period_id INTEGER NOT NULL REFERENCES periods (id),
	number    INTEGER NOT NULL CHECK (number >= 1),
	note      TEXT    NOT NULL DEFAULT '',
	user_name TEXT    NOT NULL DEFAULT '',
	saved_at  TEXT    NOT NULL,
	summary   TEXT    NOT NULL DEFAULT '',
	data      BLOB    NOT NULL,
	PRIMARY KEY (period_id, number)
);

CREATE TRIGGER result_versions_no_update BEFORE UPDATE ON result_versions
BEGIN
	SELECT RAISE(ABORT, '保存的结果版本不能修改：请另存一版');
END;

CREATE TRIGGER result_versions_no_delete BEFORE DELETE ON result_versions
BEGIN
	SELECT RAISE(ABORT, '保存的结果版本不能删除');
END;
